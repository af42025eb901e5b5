package ai.kubernaut.contracts.notification;

import java.util.UUID;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * notification-service's operator API, apart from {@link NotificationApi} so that peers
 * implementing that interface in their tests are not affected by operator additions.
 */
@HttpExchange(url = "/api/v1/notifications", accept = "application/json")
public interface NotificationAdminApi {

	/**
	 * Re-drives every {@link DeliveryStatus#DEAD_LETTER dead-lettered} and
	 * {@link DeliveryStatus#FAILED failed} delivery of a notification: each becomes
	 * {@code PENDING} with a fresh attempt budget, due at once. Answers 202, 404 for an
	 * unknown notification and 409 when none of its deliveries is dead-lettered or
	 * failed.
	 */
	@PostExchange("/{notificationId}/retry")
	NotificationView retry(@PathVariable UUID notificationId);

}
