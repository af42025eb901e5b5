package ai.kubernaut.notification.outbox;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link DeliveryWorker} on one background thread: a batch every
 * {@code poll-interval}, and batch after batch without pausing while batches come back
 * full, so a backlog drains at full speed. Stops with the application, before the
 * database goes away; a batch cut short is retried after its lease.
 */
@Component
class DeliveryPoller implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeliveryPoller.class);

	private final DeliveryWorker worker;

	private final DeliveryProperties properties;

	private ScheduledExecutorService executor;

	DeliveryPoller(DeliveryWorker worker, DeliveryProperties properties) {
		this.worker = worker;
		this.properties = properties;
	}

	private void poll() {
		try {
			int attempted;
			do {
				attempted = this.worker.deliverDue();
			}
			// A full batch means more is probably due.
			while (attempted == this.properties.batchSize() && !Thread.currentThread().isInterrupted());
		}
		catch (RuntimeException ex) {
			// A scheduled task that throws is never run again; log and poll again next
			// time.
			log.warn("Delivery poll failed; retrying in {}", this.properties.pollInterval(), ex);
		}
	}

	@Override
	public synchronized void start() {
		if (!this.properties.enabled()) {
			log.info("Notification delivery is disabled on this instance (kubernaut.notification.delivery.enabled)");
			return;
		}
		long interval = this.properties.pollInterval().toMillis();
		this.executor = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("notification-delivery").daemon().factory());
		this.executor.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdown();
			try {
				if (!this.executor.awaitTermination(10, TimeUnit.SECONDS)) {
					this.executor.shutdownNow();
				}
			}
			catch (InterruptedException ex) {
				this.executor.shutdownNow();
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
