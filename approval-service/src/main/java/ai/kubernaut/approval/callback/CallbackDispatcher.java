package ai.kubernaut.approval.callback;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import ai.kubernaut.approval.callback.CallbackOutbox.PendingCallback;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * POSTs due callbacks to their receivers until each answers 2xx, backing off
 * exponentially between attempts. Delivery is at least once (a crash between the answer
 * and recording it repeats the POST); receivers recognise repeats by the approval id.
 */
@Component
class CallbackDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CallbackDispatcher.class);

	private final CallbackOutbox outbox;

	private final CallbackProperties properties;

	private final Clock clock;

	private final HttpClient http;

	private final Counter delivered;

	private final Counter failed;

	private volatile ScheduledExecutorService executor;

	CallbackDispatcher(CallbackOutbox outbox, CallbackProperties properties, Clock clock, MeterRegistry meters) {
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.delivered = Counter.builder("kubernaut.approval.callbacks")
			.description("Callback attempts to the engine, by result")
			.tag("result", "delivered")
			.register(meters);
		this.failed = Counter.builder("kubernaut.approval.callbacks")
			.description("Callback attempts to the engine, by result")
			.tag("result", "failed")
			.register(meters);
	}

	/**
	 * Sends every callback that is due now, one bounded batch.
	 * @return how many were attempted
	 */
	int dispatchDue() {
		Instant now = this.clock.instant();
		// The lease outlasts one attempt, so a dispatcher that dies mid-batch leaves the
		// rows to be retried after it rather than never.
		Instant leaseUntil = now.plus(this.properties.connectTimeout())
			.plus(this.properties.readTimeout())
			.plusSeconds(30);
		List<PendingCallback> due = this.outbox.claimDue(now, leaseUntil, this.properties.batchSize());
		due.forEach(this::deliver);
		return due.size();
	}

	private void deliver(PendingCallback callback) {
		String error;
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(callback.url())
				.timeout(this.properties.readTimeout())
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", callback.approvalId().toString())
				.POST(HttpRequest.BodyPublishers.ofString(callback.payload()));
			if (this.properties.token() != null) {
				request.header("Authorization", "Bearer " + this.properties.token());
			}
			HttpResponse<Void> response = this.http.send(request.build(), HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 == 2) {
				this.outbox.delivered(callback.id(), this.clock.instant());
				this.delivered.increment();
				log.info("Callback for approval {} delivered to {} after {} failed attempts", callback.approvalId(),
						callback.url(), callback.attempts());
				return;
			}
			error = "HTTP " + response.statusCode();
		}
		catch (IOException ex) {
			error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			// Left leased; the next dispatcher picks it up when the lease runs out.
			return;
		}
		int attempts = callback.attempts() + 1;
		Instant next = this.clock.instant().plus(this.properties.backoff(attempts));
		this.outbox.failed(callback.id(), next, error);
		this.failed.increment();
		log.warn("Callback for approval {} to {} failed (attempt {}: {}); retrying at {}", callback.approvalId(),
				callback.url(), attempts, error, next);
	}

	private void dispatchQuietly() {
		try {
			while (this.executor != null && dispatchDue() == this.properties.batchSize()) {
				// A full batch means more may be due: keep going rather than wait a poll.
			}
		}
		catch (RuntimeException ex) {
			log.warn("Callback dispatch failed; retrying in {}", this.properties.pollInterval(), ex);
		}
	}

	@Override
	public synchronized void start() {
		long interval = this.properties.pollInterval().toMillis();
		this.executor = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("approval-callbacks").daemon().factory());
		this.executor.scheduleWithFixedDelay(this::dispatchQuietly, interval, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			ScheduledExecutorService stopping = this.executor;
			this.executor = null;
			stopping.shutdownNow();
			try {
				stopping.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
