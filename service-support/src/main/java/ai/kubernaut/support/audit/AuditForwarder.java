package ai.kubernaut.support.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import ai.kubernaut.contracts.audit.AuditApi;
import ai.kubernaut.contracts.audit.AuditEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the events of {@code audit_outbox} to data-storage in order, deleting them once
 * data-storage has acknowledged them. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so replicas of a service share the work without sending
 * an event twice; while data-storage is unreachable, the batch stays and is retried with
 * a growing delay, so nothing is lost.
 */
public class AuditForwarder implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AuditForwarder.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final AuditApi auditApi;

	private final JsonMapper json;

	private final AuditProperties properties;

	private final Clock clock;

	private final Counter forwarded;

	private final Counter failed;

	private ScheduledExecutorService scheduler;

	public AuditForwarder(JdbcClient jdbc, TransactionTemplate transactions, AuditApi auditApi, JsonMapper json,
			AuditProperties properties, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.auditApi = auditApi;
		this.json = json;
		this.properties = properties;
		this.clock = clock;
		this.forwarded = Counter.builder("kubernaut.audit.forwarded")
			.description("Audit events data-storage acknowledged")
			.tag("outcome", "delivered")
			.register(meters);
		this.failed = Counter.builder("kubernaut.audit.forwarded")
			.description("Audit events data-storage acknowledged")
			.tag("outcome", "retried")
			.register(meters);
		Gauge.builder("kubernaut.audit.outbox.pending", this, AuditForwarder::pending)
			.description("Audit events waiting to be sent to data-storage")
			.register(meters);
	}

	/**
	 * Sends one batch of due events. Returns how many data-storage acknowledged.
	 */
	public int forwardBatch() {
		Integer sent = this.transactions.execute((status) -> {
			Instant now = this.clock.instant();
			List<Row> due = this.jdbc.sql("""
					select id, event, attempts from audit_outbox
					where next_attempt_at <= :now
					order by id
					limit :limit
					for update skip locked
					""")
				.param("now", Timestamp.from(now))
				.param("limit", this.properties.batchSize())
				.query((rs, i) -> new Row(rs.getLong("id"), rs.getString("event"), rs.getInt("attempts")))
				.list();
			if (due.isEmpty()) {
				return 0;
			}
			List<AuditEvent> events = due.stream()
				.map((row) -> this.json.readValue(row.event(), AuditEvent.class))
				.toList();
			List<Long> ids = due.stream().map(Row::id).toList();
			try {
				this.auditApi.recordBatch(events);
			}
			catch (RuntimeException ex) {
				int attempts = due.get(0).attempts() + 1;
				Duration delay = backoff(attempts);
				this.jdbc.sql("""
						update audit_outbox set attempts = attempts + 1, last_error = :error, next_attempt_at = :next
						where id in (:ids)
						""")
					.param("error", ex.getMessage())
					.param("next", Timestamp.from(now.plus(delay)))
					.param("ids", ids)
					.update();
				this.failed.increment(due.size());
				log.warn("Could not send {} audit events to data-storage (attempt {}), retrying in {}: {}", due.size(),
						attempts, delay, ex.getMessage());
				return 0;
			}
			this.jdbc.sql("delete from audit_outbox where id in (:ids)").param("ids", ids).update();
			this.forwarded.increment(due.size());
			return due.size();
		});
		return (sent != null) ? sent : 0;
	}

	Duration backoff(int attempts) {
		long seconds = Math.min(this.properties.maxBackoff().toSeconds(), 1L << Math.min(attempts, 20));
		return Duration.ofSeconds(seconds);
	}

	private boolean outboxExists() {
		return this.jdbc.sql("select to_regclass('audit_outbox') is not null").query(Boolean.class).single();
	}

	private double pending() {
		try {
			Long count = this.jdbc.sql("select count(*) from audit_outbox").query(Long.class).single();
			return (count != null) ? count : 0;
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	@Override
	public void start() {
		if (!outboxExists()) {
			log.info("No audit_outbox table in this service's schema: audit forwarding is off");
			return;
		}
		this.scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("audit-forwarder").daemon(true).factory());
		long interval = this.properties.pollInterval().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::drain, interval, interval, TimeUnit.MILLISECONDS);
	}

	private void drain() {
		try {
			while (forwardBatch() == this.properties.batchSize()) {
				// A full batch means more may be waiting; keep going until the outbox is
				// drained.
			}
		}
		catch (RuntimeException ex) {
			log.warn("Audit forwarding failed; will try again: {}", ex.getMessage());
		}
	}

	@Override
	public void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdown();
			try {
				this.scheduler.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	private record Row(long id, String event, int attempts) {
	}

}
