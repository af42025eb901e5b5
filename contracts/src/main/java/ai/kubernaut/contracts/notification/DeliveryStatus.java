package ai.kubernaut.contracts.notification;

/**
 * Delivery state of a notification to one receiver's channel, or of the notification as a
 * whole.
 * <ul>
 * <li>{@link #PENDING}: not yet delivered; an attempt is due or scheduled.</li>
 * <li>{@link #DELIVERED}: the receiving end acknowledged it.</li>
 * <li>{@link #FAILED}: the receiving end refused it in a way retrying cannot fix (a 4xx
 * other than 408 and 429, rejected credentials).</li>
 * <li>{@link #DEAD_LETTER}: every attempt failed with a passing error (timeouts, 5xx,
 * 429); it waits for an operator to re-drive it.</li>
 * </ul>
 * {@code FAILED} and {@code DEAD_LETTER} deliveries can both be re-driven with
 * {@code POST /api/v1/notifications/{id}/retry}.
 */
public enum DeliveryStatus {

	PENDING, DELIVERED, FAILED, DEAD_LETTER

}
