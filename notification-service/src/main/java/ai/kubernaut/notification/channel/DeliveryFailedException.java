package ai.kubernaut.notification.channel;

/**
 * A channel could not deliver a notification. The message is stored as the delivery's
 * last error and shown to operators, so it says what the receiving end answered, never a
 * credential.
 */
public class DeliveryFailedException extends RuntimeException {

	private final boolean permanent;

	private DeliveryFailedException(String message, Throwable cause, boolean permanent) {
		super(message, cause);
		this.permanent = permanent;
	}

	/**
	 * A failure that may pass: a timeout, a 5xx, a 408 or 429, a refused connection.
	 */
	public static DeliveryFailedException retryable(String message, Throwable cause) {
		return new DeliveryFailedException(message, cause, false);
	}

	/**
	 * A failure retrying cannot fix, such as rejected credentials or a malformed request.
	 */
	public static DeliveryFailedException permanent(String message, Throwable cause) {
		return new DeliveryFailedException(message, cause, true);
	}

	public boolean isPermanent() {
		return this.permanent;
	}

}
