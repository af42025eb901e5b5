package ai.kubernaut.notification.outbox;

import java.net.URI;
import java.util.UUID;

import ai.kubernaut.contracts.notification.NotificationApi;
import ai.kubernaut.contracts.notification.NotificationList;
import ai.kubernaut.contracts.notification.NotificationView;
import ai.kubernaut.contracts.notification.SendNotificationRequest;
import ai.kubernaut.support.problem.ApiProblemException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * HTTP face of {@link Notifications}.
 */
@RestController
class NotificationController implements NotificationApi {

	private final Notifications notifications;

	private final HttpServletResponse response;

	NotificationController(Notifications notifications, HttpServletResponse response) {
		this.notifications = notifications;
		this.response = response;
	}

	/**
	 * Answers 202 only once the notification and its deliveries are committed: the body
	 * is read back from the store after the transaction.
	 */
	@Override
	@ResponseStatus(HttpStatus.ACCEPTED)
	public NotificationView send(SendNotificationRequest request) {
		UUID id = this.notifications.accept(request);
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{notificationId}")
			.buildAndExpand(id)
			.toUri();
		this.response.setHeader(HttpHeaders.LOCATION, location.toString());
		return this.notifications.get(id);
	}

	@Override
	public NotificationView get(UUID notificationId) {
		return this.notifications.get(notificationId);
	}

	@Override
	public NotificationList list(UUID remediationId, Integer limit) {
		int max = (limit != null) ? limit : 20;
		if (max < 1 || max > 100) {
			throw new ApiProblemException(HttpStatus.BAD_REQUEST, "validation-error", "Validation Error",
					"limit must be between 1 and 100, got " + max)
				.with("field", "limit");
		}
		return new NotificationList(this.notifications.list(remediationId, max));
	}

}
