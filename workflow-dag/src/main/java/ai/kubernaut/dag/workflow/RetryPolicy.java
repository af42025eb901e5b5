package ai.kubernaut.dag.workflow;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a failed step is tried again, and how long to wait in between.
 *
 * @param maxAttempts total attempts including the first, at least 1
 * @param backoff wait before the second attempt
 * @param multiplier factor applied to the wait after each further failure, at least 1
 */
public record RetryPolicy(int maxAttempts, Duration backoff, double multiplier) {

	/** One attempt, no retry: the default, because most actions change a live cluster. */
	public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1.0);

	public RetryPolicy {
		Objects.requireNonNull(backoff, "backoff");
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
		}
		if (backoff.isNegative()) {
			throw new IllegalArgumentException("backoff must not be negative, got " + backoff);
		}
		if (multiplier < 1.0 || Double.isNaN(multiplier)) {
			throw new IllegalArgumentException("multiplier must be at least 1, got " + multiplier);
		}
	}

	/**
	 * Whether another attempt may follow attempt number {@code attempt} (1-based).
	 */
	public boolean allowsAnotherAfter(int attempt) {
		return attempt < this.maxAttempts;
	}

	/**
	 * The wait after attempt number {@code attempt} (1-based) failed:
	 * {@code backoff · multiplier^(attempt − 1)}.
	 */
	public Duration delayAfter(int attempt) {
		double factor = Math.pow(this.multiplier, Math.max(0, attempt - 1));
		return Duration.ofNanos((long) Math.min(Long.MAX_VALUE, this.backoff.toNanos() * factor));
	}

}
