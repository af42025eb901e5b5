package ai.kubernaut.notification.outbox;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import ai.kubernaut.contracts.notification.DeliveryStatus;
import ai.kubernaut.contracts.notification.NotificationAdminApi;
import ai.kubernaut.contracts.notification.NotificationApi;
import ai.kubernaut.contracts.notification.NotificationList;
import ai.kubernaut.contracts.notification.NotificationType;
import ai.kubernaut.contracts.notification.NotificationView;
import ai.kubernaut.contracts.notification.SendNotificationRequest;
import ai.kubernaut.support.problem.ApiProblemException;
import jakarta.servlet.http.HttpServletRequest;
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
class NotificationController implements NotificationApi, NotificationAdminApi {

	private final Notifications notifications;

	private final HttpServletRequest request;

	private final HttpServletResponse response;

	NotificationController(Notifications notifications, HttpServletRequest request, HttpServletResponse response) {
		this.notifications = notifications;
		this.request = request;
		this.response = response;
	}

	/**
	 * Answers 202 only once the notification and its deliveries are committed: the body
	 * is read back from the store after the transaction. A notification grouped into an
	 * earlier held message answers with that message.
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

	/**
	 * Also filters by the query parameters {@code status} and {@code type}, which
	 * {@link NotificationApi#list} cannot declare without breaking its implementors.
	 */
	@Override
	public NotificationList list(UUID remediationId, Integer limit) {
		int max = (limit != null) ? limit : 20;
		if (max < 1 || max > 100) {
			throw invalid("limit", "limit must be between 1 and 100, got " + max);
		}
		DeliveryStatus status = parse(DeliveryStatus.class, "status");
		NotificationType type = parse(NotificationType.class, "type");
		return new NotificationList(this.notifications.list(remediationId, status, type, max));
	}

	@Override
	@ResponseStatus(HttpStatus.ACCEPTED)
	public NotificationView retry(UUID notificationId) {
		return this.notifications.retry(notificationId);
	}

	private <E extends Enum<E>> E parse(Class<E> type, String parameter) {
		String value = this.request.getParameter(parameter);
		if (value == null || value.isBlank()) {
			return null;
		}
		String name = value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
		return Arrays.stream(type.getEnumConstants())
			.filter((constant) -> constant.name().equals(name))
			.findFirst()
			.orElseThrow(() -> invalid(parameter, parameter + " must be one of "
					+ Arrays.toString(type.getEnumConstants()) + ", got '" + value + "'"));
	}

	private static ApiProblemException invalid(String field, String detail) {
		return new ApiProblemException(HttpStatus.BAD_REQUEST, "validation-error", "Validation Error", detail)
			.with("field", field);
	}

}
