package ai.kubernaut.notification.channel;

import java.time.Duration;

/**
 * A channel could not deliver a notification. The message is stored as the delivery's
 * last error and shown to operators, so it says what the receiving end answered, never a
 * credential or a secret URL.
 */
public class DeliveryFailedException extends RuntimeException {

	private final boolean permanent;

	private final String reason;

	private final Duration retryAfter;

	private DeliveryFailedException(String message, Throwable cause, boolean permanent, String reason,
			Duration retryAfter) {
		super(message, cause);
		this.permanent = permanent;
		this.reason = reason;
		this.retryAfter = retryAfter;
	}

	/**
	 * A failure that may pass: a timeout, a 5xx, a 408 or 429, a refused connection.
	 */
	public static DeliveryFailedException retryable(String message, Throwable cause) {
		return new DeliveryFailedException(message, cause, false, "error", null);
	}

	/**
	 * A failure that may pass, with a metric reason ({@code http_5xx}, {@code timeout},
	 * ...) and the wait the receiving end asked for ({@code Retry-After}), if any.
	 */
	public static DeliveryFailedException retryable(String message, String reason, Duration retryAfter,
			Throwable cause) {
		return new DeliveryFailedException(message, cause, false, reason, retryAfter);
	}

	/**
	 * A failure retrying cannot fix, such as rejected credentials or a malformed request.
	 */
	public static DeliveryFailedException permanent(String message, Throwable cause) {
		return new DeliveryFailedException(message, cause, true, "rejected", null);
	}

	/**
	 * A failure retrying cannot fix, with a metric reason such as {@code http_4xx}.
	 */
	public static DeliveryFailedException permanent(String message, String reason, Throwable cause) {
		return new DeliveryFailedException(message, cause, true, reason, null);
	}

	public boolean isPermanent() {
		return this.permanent;
	}

	/**
	 * A short, low-cardinality label for metrics: {@code http_5xx}, {@code http_429},
	 * {@code http_408}, {@code http_4xx}, {@code timeout}, {@code network},
	 * {@code rejected} or {@code error}.
	 */
	public String reason() {
		return this.reason;
	}

	/**
	 * How long the receiving end asked us to wait ({@code Retry-After}), or {@code null}.
	 */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
