package ai.kubernaut.contracts.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A notification and how far its delivery got.
 *
 * @param status {@code PENDING} while any delivery is, else {@code DEAD_LETTER} or
 * {@code FAILED} when any delivery ended so (dead letter first), else {@code DELIVERED}
 * @param occurrences how many accepted notifications this message stands for: more than 1
 * when identical notifications (same group key and type) were grouped into it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationView(UUID notificationId, NotificationType type, String severity, String subject, String body,
		Map<String, String> fields, UUID remediationId, DeliveryStatus status, List<DeliveryView> deliveries,
		Instant createdAt, String groupKey, Integer occurrences) {

	/**
	 * A notification that was not grouped.
	 */
	public NotificationView(UUID notificationId, NotificationType type, String severity, String subject, String body,
			Map<String, String> fields, UUID remediationId, DeliveryStatus status, List<DeliveryView> deliveries,
			Instant createdAt) {
		this(notificationId, type, severity, subject, body, fields, remediationId, status, deliveries, createdAt, null,
				null);
	}

}
