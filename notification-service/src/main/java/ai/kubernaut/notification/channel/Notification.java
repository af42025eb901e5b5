package ai.kubernaut.notification.channel;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.contracts.notification.NotificationType;

/**
 * A notification as channels see it.
 *
 * @param id stable across retries; channels whose medium supports it use it as the
 * idempotency key
 * @param body Markdown
 * @param fields structured facts shown beside the body
 * @param remediationId the remediation it is about, or {@code null}
 */
public record Notification(UUID id, NotificationType type, String severity, String subject, String body,
		Map<String, String> fields, UUID remediationId, Instant createdAt) {

	public Notification {
		fields = Map.copyOf(fields);
	}

}
