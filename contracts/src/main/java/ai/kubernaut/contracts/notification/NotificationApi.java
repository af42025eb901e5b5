package ai.kubernaut.contracts.notification;

import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * notification-service's API.
 */
@HttpExchange(url = "/api/v1/notifications", accept = "application/json")
public interface NotificationApi {

	/**
	 * Accepts a notification for delivery. Answers 202 once it is stored; delivery
	 * happens afterwards.
	 */
	@PostExchange(contentType = "application/json")
	NotificationView send(@Valid @RequestBody SendNotificationRequest request);

	@GetExchange("/{notificationId}")
	NotificationView get(@PathVariable UUID notificationId);

	/**
	 * Notifications about one remediation (or all, when {@code remediationId} is absent),
	 * newest first, at most {@code limit} (default 20, at most 100).
	 * <p>
	 * The server also accepts {@code status} (a {@link DeliveryStatus}: notifications
	 * with at least one delivery in that state, e.g. {@code ?status=DEAD_LETTER}) and
	 * {@code type} (a {@link NotificationType}). They are not parameters of this method
	 * because peers implement this interface in their tests; adding them would break
	 * those implementations.
	 */
	@GetExchange
	NotificationList list(@RequestParam(required = false) UUID remediationId,
			@RequestParam(required = false) Integer limit);

}
