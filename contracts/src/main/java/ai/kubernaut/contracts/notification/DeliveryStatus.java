package ai.kubernaut.contracts.notification;

/**
 * Delivery state of a notification to one receiver, or of the notification as a whole.
 */
public enum DeliveryStatus {

	PENDING, DELIVERED, FAILED

}
