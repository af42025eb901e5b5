package ai.kubernaut.notification.outbox;

import java.util.UUID;

import ai.kubernaut.support.problem.NotFoundException;

/**
 * No notification has the given id.
 */
class NotificationNotFoundException extends NotFoundException {

	NotificationNotFoundException(UUID notificationId) {
		super("notification-not-found", "No notification has id " + notificationId + ".");
		with("notificationId", notificationId);
	}

}
