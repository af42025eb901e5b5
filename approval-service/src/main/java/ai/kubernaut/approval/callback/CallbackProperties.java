package ai.kubernaut.approval.callback;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Delivery of decisions to the engine's callback URL.
 *
 * @param pollInterval how often due callbacks are looked for
 * @param batchSize how many callbacks one poll sends at most
 * @param initialBackoff the wait after the first failed attempt; doubled per attempt
 * @param maxBackoff the longest wait between attempts; callbacks are retried forever
 * @param connectTimeout TCP connect timeout per attempt
 * @param readTimeout how long one attempt waits for the answer
 * @param token bearer token presented to the receiver, if it needs one
 */
@Validated
@ConfigurationProperties("kubernaut.approval.callbacks")
record CallbackProperties(@DefaultValue("1s") Duration pollInterval,
		@DefaultValue("20") @Positive @Max(1000) int batchSize, @DefaultValue("1s") Duration initialBackoff,
		@DefaultValue("5m") Duration maxBackoff, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("5s") Duration readTimeout, String token) {

	CallbackProperties {
		for (Duration duration : new Duration[] { pollInterval, initialBackoff, maxBackoff, connectTimeout,
				readTimeout }) {
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException("kubernaut.approval.callbacks durations must be positive");
			}
		}
	}

	/**
	 * The wait before attempt {@code attempts + 1}, after {@code attempts} failures.
	 */
	Duration backoff(int attempts) {
		int doublings = Math.min(Math.max(attempts - 1, 0), 30);
		Duration backoff = this.initialBackoff.multipliedBy(1L << doublings);
		return (backoff.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : backoff;
	}

	@Override
	public String toString() {
		return "CallbackProperties[pollInterval=" + this.pollInterval + ", batchSize=" + this.batchSize + "]";
	}

}
