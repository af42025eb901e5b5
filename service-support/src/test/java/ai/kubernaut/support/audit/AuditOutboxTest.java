package ai.kubernaut.support.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.kubernaut.contracts.audit.AuditApi;
import ai.kubernaut.contracts.audit.AuditEvent;
import ai.kubernaut.contracts.audit.AuditEventAck;
import ai.kubernaut.testsupport.postgres.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class AuditOutboxTest {

	static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");

	final RecordingAuditApi dataStorage = new RecordingAuditApi();

	JdbcClient jdbc;

	OutboxAuditTrail trail;

	AuditForwarder forwarder;

	@BeforeEach
	void freshSchema() {
		TestPostgres.Database database = TestPostgres.get();
		String schema = "audit_" + UUID.randomUUID().toString().replace("-", "");
		DriverManagerDataSource admin = new DriverManagerDataSource(database.jdbcUrl(), database.username(),
				database.password());
		JdbcClient.create(admin).sql("create schema " + schema).update();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema,
				database.username(), database.password());
		this.jdbc = JdbcClient.create(dataSource);
		this.jdbc.sql("""
				create table audit_outbox (
				    id bigserial primary key,
				    event jsonb not null,
				    created_at timestamptz not null default now(),
				    attempts int not null default 0,
				    next_attempt_at timestamptz not null default now(),
				    last_error text
				)
				""").update();
		JsonMapper json = JsonMapper.builder().build();
		this.trail = new OutboxAuditTrail(this.jdbc, json);
		this.forwarder = new AuditForwarder(this.jdbc,
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)), this.dataStorage, json,
				new AuditProperties(null, null, 2, Duration.ofMinutes(5)),
				Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC), new SimpleMeterRegistry());
	}

	@Test
	void forwardsEventsInOrderAndForgetsThemOnceAcknowledged() {
		this.trail.record(event("first"));
		this.trail.record(event("second"));
		this.trail.record(event("third"));

		assertThat(this.forwarder.forwardBatch()).isEqualTo(2);
		assertThat(this.forwarder.forwardBatch()).isEqualTo(1);
		assertThat(this.forwarder.forwardBatch()).isZero();

		assertThat(this.dataStorage.received).extracting(AuditEvent::eventAction)
			.containsExactly("first", "second", "third");
		assertThat(outboxSize()).isZero();
	}

	@Test
	void keepsEventsAndBacksOffWhileDataStorageIsDown() {
		this.trail.record(event("first"));
		this.dataStorage.down = true;

		assertThat(this.forwarder.forwardBatch()).isZero();

		assertThat(outboxSize()).isEqualTo(1);
		Map<String, Object> row = this.jdbc.sql("select attempts, last_error from audit_outbox").query().singleRow();
		assertThat(row).containsEntry("attempts", 1).containsEntry("last_error", "data-storage is down");
		assertThat(this.forwarder.forwardBatch()).as("not due again before its backoff").isZero();
		assertThat(this.forwarder.backoff(3)).isEqualTo(Duration.ofSeconds(8));
		assertThat(this.forwarder.backoff(30)).isEqualTo(Duration.ofMinutes(5));
	}

	private long outboxSize() {
		return this.jdbc.sql("select count(*) from audit_outbox").query(Long.class).single();
	}

	private static AuditEvent event(String action) {
		return new AuditEvent("1.0", "gateway.signal.received", NOW, "gateway", action, "success", "rem-1", "service",
				"gateway-service", "Deployment", "demo/checkout", "checkout", "demo", null, null, null, null,
				Map.of("alert", "HighRequestLatency"));
	}

	static class RecordingAuditApi implements AuditApi {

		final List<AuditEvent> received = new CopyOnWriteArrayList<>();

		volatile boolean down;

		@Override
		public AuditEventAck record(AuditEvent event) {
			return recordBatch(List.of(event)).get(0);
		}

		@Override
		public List<AuditEventAck> recordBatch(List<AuditEvent> events) {
			if (this.down) {
				throw new IllegalStateException("data-storage is down");
			}
			this.received.addAll(events);
			return events.stream()
				.map((e) -> new AuditEventAck(UUID.randomUUID(), e.eventTimestamp(), "h", null))
				.toList();
		}

	}

}
