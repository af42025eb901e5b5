package ai.kubernaut.notification.outbox;

import java.util.UUID;

import ai.kubernaut.contracts.notification.DeliveryStatus;
import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * A re-drive was asked for a notification none of whose deliveries is failed or
 * dead-lettered.
 */
class NothingToRetryException extends ApiProblemException {

	NothingToRetryException(UUID notificationId, DeliveryStatus status) {
		super(HttpStatus.CONFLICT, "notification-not-retryable", "Nothing to retry",
				"Notification " + notificationId + " has no failed or dead-lettered delivery (it is " + status + ").");
		with("notificationId", notificationId);
		with("status", status);
	}

}
