package ai.kubernaut.notification.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * When a failed delivery is tried again:
 * {@code initialBackoff × multiplier^(failedAttempts − 1)}, capped at {@code maxBackoff},
 * then spread by ±{@code jitter}.
 */
@Component
class RetryBackoff {

	private final DeliveryProperties properties;

	private final Clock clock;

	private final DoubleSupplier random;

	@Autowired
	RetryBackoff(DeliveryProperties properties, Clock clock) {
		this(properties, clock, () -> ThreadLocalRandom.current().nextDouble());
	}

	/**
	 * @param random uniform in [0, 1)
	 */
	RetryBackoff(DeliveryProperties properties, Clock clock, DoubleSupplier random) {
		this.properties = properties;
		this.clock = clock;
		this.random = random;
	}

	/**
	 * The wait after the {@code failedAttempts}-th failed attempt (1 for the first).
	 */
	Duration delayAfter(int failedAttempts) {
		if (failedAttempts < 1) {
			throw new IllegalArgumentException("failedAttempts must be at least 1, was " + failedAttempts);
		}
		double exponential = this.properties.initialBackoff().toMillis()
				* Math.pow(this.properties.backoffMultiplier(), failedAttempts - 1);
		double capped = Math.min(exponential, this.properties.maxBackoff().toMillis());
		double spread = 1 + this.properties.jitter() * (2 * this.random.getAsDouble() - 1);
		return Duration.ofMillis(Math.round(capped * spread));
	}

	Instant nextAttemptAfter(int failedAttempts) {
		return this.clock.instant().plus(delayAfter(failedAttempts));
	}

}
