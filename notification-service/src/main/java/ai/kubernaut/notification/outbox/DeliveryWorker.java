package ai.kubernaut.notification.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import ai.kubernaut.contracts.notification.DeliveryStatus;
import ai.kubernaut.notification.channel.DeliveryFailedException;
import ai.kubernaut.notification.channel.NotificationChannel;
import ai.kubernaut.notification.routing.Receivers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Works off one batch of due deliveries: claim, send through the receiver's channel,
 * record the outcome. A failed attempt is retried with {@link RetryBackoff} (never sooner
 * than the receiving end's {@code Retry-After}) until {@code max-attempts}, then the
 * delivery is {@code DEAD_LETTER}; a permanent failure marks it {@code FAILED} at once.
 * Deliveries over their receiver's rate limit are put back without using an attempt.
 * Channels are independent: one failing never holds up another.
 * <p>
 * Claims are leases, not open transactions: no database connection is held while a
 * channel talks to the outside world, and a worker that dies mid-batch leaves its
 * deliveries to be retried once the lease runs out. Delivery is therefore at least once;
 * any number of workers, in one or many instances, may share the outbox.
 */
@Component
class DeliveryWorker {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	/** The longest {@code Retry-After} honoured; a larger one is treated as this. */
	static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

	private final OutboxRepository outbox;

	private final Receivers receivers;

	private final RetryBackoff backoff;

	private final RateLimiter rateLimiter;

	private final DeliveryProperties properties;

	private final DeliveryMetrics metrics;

	private final Clock clock;

	DeliveryWorker(OutboxRepository outbox, Receivers receivers, RetryBackoff backoff, RateLimiter rateLimiter,
			DeliveryProperties properties, DeliveryMetrics metrics, Clock clock) {
		this.outbox = outbox;
		this.receivers = receivers;
		this.backoff = backoff;
		this.rateLimiter = rateLimiter;
		this.properties = properties;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Claims and attempts up to {@code batch-size} due deliveries.
	 * @return how many were claimed
	 */
	int deliverDue() {
		Instant now = now();
		List<ClaimedDelivery> claimed = this.outbox.claimDue(now, now.plus(this.properties.lease()),
				this.properties.batchSize());
		claimed.forEach(this::attempt);
		return claimed.size();
	}

	private void attempt(ClaimedDelivery claimed) {
		NotificationChannel channel = this.receivers.find(claimed.receiver(), claimed.channel()).orElse(null);
		if (channel == null) {
			failed(claimed, "unknown",
					DeliveryFailedException.permanent("receiver '" + claimed.receiver() + "' has no channel '"
							+ claimed.channel() + "' any more (configuration changed)", "rejected", null));
			return;
		}
		Optional<Duration> wait = this.rateLimiter.tryAcquire(claimed.receiver());
		if (wait.isPresent()) {
			if (this.outbox.defer(claimed, now().plus(wait.get()).truncatedTo(ChronoUnit.MICROS))) {
				this.metrics.rateLimited(claimed.receiver());
			}
			return;
		}
		try {
			channel.send(claimed.notification());
		}
		catch (DeliveryFailedException ex) {
			failed(claimed, channel.type(), ex);
			return;
		}
		catch (RuntimeException ex) {
			// A channel bug or an unforeseen client error; retrying is the safe reading
			// of it.
			failed(claimed, channel.type(), DeliveryFailedException
				.retryable(ex.getClass().getSimpleName() + ": " + ex.getMessage(), "error", null, ex));
			return;
		}
		if (this.outbox.markDelivered(claimed, now())) {
			this.metrics.attempted(claimed.receiver(), channel.type(), DeliveryMetrics.DELIVERED);
			log.debug("Notification {} delivered to {}/{} (attempt {})", claimed.notification().id(),
					claimed.receiver(), claimed.channel(), claimed.thisAttempt());
		}
		else {
			lostClaim(claimed);
		}
	}

	private void failed(ClaimedDelivery claimed, String channelType, DeliveryFailedException failure) {
		String error = (failure.getMessage() != null) ? failure.getMessage() : "no error message";
		int attempt = claimed.thisAttempt();
		this.metrics.failed(claimed.receiver(), channelType, failure.reason());
		if (failure.isPermanent() || attempt >= this.properties.maxAttempts()) {
			DeliveryStatus status = failure.isPermanent() ? DeliveryStatus.FAILED : DeliveryStatus.DEAD_LETTER;
			if (this.outbox.markGivenUp(claimed, status, error, now())) {
				this.metrics.attempted(claimed.receiver(), channelType,
						failure.isPermanent() ? DeliveryMetrics.FAILED : DeliveryMetrics.DEAD_LETTER);
				log.warn("Notification {} NOT delivered to {}/{}: {} after attempt {}: {}", claimed.notification().id(),
						claimed.receiver(), claimed.channel(),
						failure.isPermanent() ? "permanent failure" : "dead-lettered", attempt, error);
			}
			else {
				lostClaim(claimed);
			}
			return;
		}
		Instant now = now();
		Duration delay = this.backoff.delayAfter(attempt);
		if (failure.retryAfter() != null && failure.retryAfter().compareTo(delay) > 0) {
			delay = (failure.retryAfter().compareTo(MAX_RETRY_AFTER) < 0) ? failure.retryAfter() : MAX_RETRY_AFTER;
		}
		Instant next = now.plus(delay).truncatedTo(ChronoUnit.MICROS);
		if (this.outbox.markRetry(claimed, error, now, next)) {
			this.metrics.attempted(claimed.receiver(), channelType, DeliveryMetrics.RETRIED);
			log.info("Notification {} not delivered to {}/{} (attempt {} of {}), retrying at {}: {}",
					claimed.notification().id(), claimed.receiver(), claimed.channel(), attempt,
					this.properties.maxAttempts(), next, error);
		}
		else {
			lostClaim(claimed);
		}
	}

	private void lostClaim(ClaimedDelivery claimed) {
		// The lease ran out while sending and another worker re-claimed the delivery; its
		// outcome stands.
		log.warn("Notification {} to {}/{}: claim expired before the outcome was recorded; lease {} is too short",
				claimed.notification().id(), claimed.receiver(), claimed.channel(), this.properties.lease());
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
