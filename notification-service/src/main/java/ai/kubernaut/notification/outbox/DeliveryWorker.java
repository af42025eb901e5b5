package ai.kubernaut.notification.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import ai.kubernaut.notification.channel.ChannelRegistry;
import ai.kubernaut.notification.channel.DeliveryFailedException;
import ai.kubernaut.notification.channel.NotificationChannel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Works off one batch of due deliveries: claim, send through the channel, record the
 * outcome. A failed attempt is retried with {@link RetryBackoff} until
 * {@code max-attempts}; a permanent failure or the last attempt marks the delivery
 * {@code FAILED} with the channel's error. Channels are independent: one failing never
 * holds up another.
 * <p>
 * Claims are leases, not open transactions: no database connection is held while a
 * channel talks to the outside world, and a worker that dies mid-batch leaves its
 * deliveries to be retried once the lease runs out. Delivery is therefore at least once.
 */
@Component
class DeliveryWorker {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	static final String DELIVERED = "delivered";

	static final String RETRIED = "retried";

	static final String FAILED = "failed";

	private final OutboxRepository outbox;

	private final ChannelRegistry channels;

	private final RetryBackoff backoff;

	private final DeliveryProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	DeliveryWorker(OutboxRepository outbox, ChannelRegistry channels, RetryBackoff backoff,
			DeliveryProperties properties, Clock clock, MeterRegistry meters) {
		this.outbox = outbox;
		this.channels = channels;
		this.backoff = backoff;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
		// Registered up front so every configured channel reports zeros rather than no
		// series at all.
		for (String channel : channels.configured()) {
			for (String outcome : new String[] { DELIVERED, RETRIED, FAILED }) {
				counter(channel, outcome);
			}
		}
	}

	/**
	 * Claims and attempts up to {@code batch-size} due deliveries.
	 * @return how many were attempted
	 */
	int deliverDue() {
		Instant now = now();
		List<ClaimedDelivery> claimed = this.outbox.claimDue(now, now.plus(this.properties.lease()),
				this.properties.batchSize());
		claimed.forEach(this::attempt);
		return claimed.size();
	}

	private void attempt(ClaimedDelivery claimed) {
		NotificationChannel channel = this.channels.find(claimed.channel()).orElse(null);
		if (channel == null) {
			failed(claimed, "channel '" + claimed.channel() + "' is no longer configured", true);
			return;
		}
		try {
			channel.send(claimed.notification());
		}
		catch (DeliveryFailedException ex) {
			failed(claimed, ex.getMessage(), ex.isPermanent());
			return;
		}
		catch (RuntimeException ex) {
			// A channel bug or an unforeseen client error; retrying is the safe reading
			// of it.
			failed(claimed, ex.getClass().getSimpleName() + ": " + ex.getMessage(), false);
			return;
		}
		if (this.outbox.markDelivered(claimed, now())) {
			count(claimed, DELIVERED);
			log.debug("Notification {} delivered through {} (attempt {})", claimed.notification().id(),
					claimed.channel(), claimed.thisAttempt());
		}
		else {
			lostClaim(claimed);
		}
	}

	private void failed(ClaimedDelivery claimed, String error, boolean permanent) {
		String reason = (error != null) ? error : "no error message";
		int attempt = claimed.thisAttempt();
		if (permanent || attempt >= this.properties.maxAttempts()) {
			if (this.outbox.markFailed(claimed, reason)) {
				count(claimed, FAILED);
				log.warn("Notification {} NOT delivered through {}: gave up after attempt {}{}: {}",
						claimed.notification().id(), claimed.channel(), attempt,
						permanent ? " (permanent failure)" : "", reason);
			}
			else {
				lostClaim(claimed);
			}
			return;
		}
		Instant next = this.backoff.nextAttemptAfter(attempt).truncatedTo(ChronoUnit.MICROS);
		if (this.outbox.markRetry(claimed, reason, next)) {
			count(claimed, RETRIED);
			log.info("Notification {} not delivered through {} (attempt {} of {}), retrying at {}: {}",
					claimed.notification().id(), claimed.channel(), attempt, this.properties.maxAttempts(), next,
					reason);
		}
		else {
			lostClaim(claimed);
		}
	}

	private void lostClaim(ClaimedDelivery claimed) {
		// The lease ran out while sending and another worker re-claimed the delivery; its
		// outcome stands.
		log.warn("Notification {} through {}: claim expired before the outcome was recorded; lease {} is too short",
				claimed.notification().id(), claimed.channel(), this.properties.lease());
	}

	private void count(ClaimedDelivery claimed, String outcome) {
		counter(claimed.channel(), outcome).increment();
	}

	private Counter counter(String channel, String outcome) {
		return Counter.builder("kubernaut.notifications")
			.description("Notification delivery attempts by channel and outcome")
			.tag("channel", channel)
			.tag("outcome", outcome)
			.register(this.meters);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
