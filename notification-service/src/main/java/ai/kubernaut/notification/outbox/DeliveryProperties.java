package ai.kubernaut.notification.outbox;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the delivery poller works off the outbox. Retry defaults follow upstream Kubernaut:
 * 5 attempts, 30 s doubling to at most 8 min, ±10 % jitter.
 *
 * @param pollInterval pause between polls when there is nothing more to do
 * @param batchSize deliveries claimed per poll
 * @param maxAttempts attempts per delivery before it is marked {@code FAILED}
 * @param initialBackoff wait after the first failed attempt
 * @param backoffMultiplier growth of the wait per further failed attempt
 * @param maxBackoff longest wait between attempts
 * @param jitter random spread of each wait, as a fraction (0.1 = ±10 %), so retries after
 * an outage do not arrive all at once
 * @param lease how long a claimed delivery belongs to the worker that claimed it; if that
 * worker dies, the delivery is retried after this. Must exceed the time a batch takes to
 * send: {@code batch-size} × the slowest channel's timeout (20 × 10 s for Slack fits the
 * default).
 * @param enabled whether this instance delivers at all; an instance with {@code false}
 * only accepts notifications into the outbox and leaves delivery to others
 */
@Validated
@ConfigurationProperties("kubernaut.notification.delivery")
record DeliveryProperties(@DefaultValue("500ms") Duration pollInterval,
		@DefaultValue("20") @Min(1) @Max(500) int batchSize, @DefaultValue("5") @Min(1) @Max(10) int maxAttempts,
		@DefaultValue("30s") Duration initialBackoff, @DefaultValue("2") @DecimalMin("1") double backoffMultiplier,
		@DefaultValue("8m") Duration maxBackoff, @DefaultValue("0.1") @DecimalMin("0") @DecimalMax("0.5") double jitter,
		@DefaultValue("5m") Duration lease, @DefaultValue("true") boolean enabled) {

	DeliveryProperties {
		requirePositive("poll-interval", pollInterval);
		requirePositive("initial-backoff", initialBackoff);
		requirePositive("lease", lease);
		if (maxBackoff.compareTo(initialBackoff) < 0) {
			throw new IllegalArgumentException("kubernaut.notification.delivery.max-backoff (" + maxBackoff
					+ ") must not be below initial-backoff (" + initialBackoff + ")");
		}
	}

	private static void requirePositive(String name, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(
					"kubernaut.notification.delivery." + name + " must be positive, was " + value);
		}
	}

}
