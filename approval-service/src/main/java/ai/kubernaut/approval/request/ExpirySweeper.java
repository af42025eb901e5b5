package ai.kubernaut.approval.request;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Marks overdue requests expired in the background, so that an approval nobody looks at
 * still ends, is counted, and says so to whoever reads it next. Reads expire lazily as
 * well (see {@link Approvals#get}); the sweep is what makes expiry happen without a
 * reader.
 */
@Component
class ExpirySweeper implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ExpirySweeper.class);

	private final Approvals approvals;

	private final ApprovalProperties properties;

	private ScheduledExecutorService executor;

	ExpirySweeper(Approvals approvals, ApprovalProperties properties) {
		this.approvals = approvals;
		this.properties = properties;
	}

	/**
	 * Expires everything overdue, one bounded batch at a time.
	 * @return how many requests were expired
	 */
	int sweep() {
		int total = 0;
		int expired;
		do {
			expired = this.approvals.expireOverdue(this.properties.expirySweepBatchSize());
			total += expired;
		}
		while (expired == this.properties.expirySweepBatchSize());
		return total;
	}

	private void sweepQuietly() {
		try {
			sweep();
		}
		catch (RuntimeException ex) {
			// A scheduled task that throws is never run again; log and try next time (the
			// database may be back).
			log.warn("Expiry sweep failed; retrying in {}", this.properties.expirySweepInterval(), ex);
		}
	}

	@Override
	public synchronized void start() {
		long interval = this.properties.expirySweepInterval().toMillis();
		this.executor = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("approval-expiry").daemon().factory());
		this.executor.scheduleWithFixedDelay(this::sweepQuietly, interval, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			try {
				this.executor.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
