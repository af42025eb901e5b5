package ai.kubernaut.gateway.intake;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what the intake answered from memory: the {@code signal_log} rows of duplicates,
 * their occurrence counts in {@code signal_dedup} and one audit event per fingerprint,
 * every {@code interval} in one transaction. A storm of duplicates then costs a few batch
 * statements per interval instead of five statements and three commits per alert. On
 * shutdown it writes what is left before the connection pool closes.
 */
class IntakeWriter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(IntakeWriter.class);

	/** Signal log rows per batch statement. */
	static final int BATCH_SIZE = 1000;

	private final SignalLog signalLog;

	private final DedupLedger dedup;

	private final IntakeAudit audit;

	private final NamedParameterJdbcTemplate batch;

	private final TransactionTemplate transactions;

	private final Duration interval;

	private ScheduledExecutorService scheduler;

	IntakeWriter(SignalLog signalLog, DedupLedger dedup, IntakeAudit audit, NamedParameterJdbcTemplate batch,
			TransactionTemplate transactions, Duration interval) {
		this.signalLog = signalLog;
		this.dedup = dedup;
		this.audit = audit;
		this.batch = batch;
		this.transactions = transactions;
		this.interval = interval;
	}

	/** Writes everything waiting now. */
	void write() {
		List<StandingRemediations.Occurrences> occurrences = this.dedup.drainOccurrences();
		try {
			this.transactions.executeWithoutResult((status) -> {
				while (this.signalLog.writePending(this.batch, BATCH_SIZE) == BATCH_SIZE) {
					// A full batch: more may be waiting.
				}
				this.dedup.writeOccurrences(this.batch, occurrences);
				occurrences.forEach(this.audit::deduplicated);
			});
		}
		catch (DataAccessException ex) {
			// Counts are kept for the next round; log rows of the failed batch are lost
			// (they describe duplicates, which changed nothing).
			this.dedup.restoreOccurrences(occurrences);
			throw ex;
		}
	}

	private void writeSafely() {
		try {
			write();
		}
		catch (RuntimeException ex) {
			log.warn("Could not write the intake's batched signal log rows and occurrence counts", ex);
		}
	}

	@Override
	public void start() {
		this.scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("intake-writer").daemon().factory());
		this.scheduler.scheduleWithFixedDelay(this::writeSafely, this.interval.toMillis(), this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
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
			writeSafely();
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
