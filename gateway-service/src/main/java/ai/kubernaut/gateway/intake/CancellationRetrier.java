package ai.kubernaut.gateway.intake;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Delivers the cancellations that the engine could not take when their alert resolved.
 * Every {@code interval} it works through the stored cancellations that are due, one row
 * at a time ({@link DedupLedger#retryDueCancellation}), until none is left or
 * {@value #MAX_PER_ROUND} were tried, so a long engine outage costs one request per
 * stored cancellation per backoff step and no more.
 */
class CancellationRetrier implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CancellationRetrier.class);

	static final int MAX_PER_ROUND = 50;

	private final DedupLedger dedup;

	private final RemediationCanceller canceller;

	private final IntakeAudit audit;

	private final SignalMetrics metrics;

	private final Duration interval;

	private final Duration maxBackoff;

	private final Duration giveUpAfter;

	private ScheduledExecutorService scheduler;

	CancellationRetrier(DedupLedger dedup, RemediationCanceller canceller, IntakeAudit audit, SignalMetrics metrics,
			Duration interval, Duration maxBackoff, Duration giveUpAfter) {
		this.dedup = dedup;
		this.canceller = canceller;
		this.audit = audit;
		this.metrics = metrics;
		this.interval = interval;
		this.maxBackoff = maxBackoff;
		this.giveUpAfter = giveUpAfter;
	}

	/**
	 * Retries what is due now.
	 * @return how many stored cancellations were tried
	 */
	int retryDue() {
		int tried = 0;
		while (tried < MAX_PER_ROUND) {
			Optional<DedupLedger.DeferredCancellation> done = this.dedup.retryDueCancellation(this.canceller,
					this.interval, this.maxBackoff, this.giveUpAfter);
			if (done.isEmpty()) {
				break;
			}
			tried++;
			DedupLedger.DeferredCancellation cancellation = done.get();
			this.metrics.deferredCancellation(cancellation.result().code());
			this.audit.deferredCancellation(cancellation);
			switch (cancellation.result()) {
				case GAVE_UP -> log.error("Gave up cancelling remediation {} of resolved fingerprint {}: {}",
						cancellation.remediationId(), cancellation.fingerprint(), cancellation.error());
				case RETRYING -> log.debug("Remediation {} still not cancelled: {}", cancellation.remediationId(),
						cancellation.error());
				default -> log.info("Deferred cancellation of remediation {}: {}", cancellation.remediationId(),
						cancellation.result().code());
			}
		}
		return tried;
	}

	@Override
	public void start() {
		this.scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("cancellation-retrier").daemon().factory());
		this.scheduler.scheduleWithFixedDelay(this::retrySafely, this.interval.toMillis(), this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	private void retrySafely() {
		try {
			retryDue();
		}
		catch (RuntimeException ex) {
			// The database may be briefly unavailable; the next round tries again.
			log.warn("Could not retry stored cancellations", ex);
		}
	}

	@Override
	public void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
