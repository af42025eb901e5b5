package ai.kubernaut.contracts.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A notification and how far its delivery got.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationView(UUID notificationId, NotificationType type, String severity, String subject, String body,
		Map<String, String> fields, UUID remediationId, DeliveryStatus status, List<DeliveryView> deliveries,
		Instant createdAt) {
}
