package ai.kubernaut.notification.channel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.contracts.notification.NotificationAction;
import ai.kubernaut.contracts.notification.NotificationType;

/**
 * A notification as routing and channels see it.
 *
 * @param id stable across retries; channels whose medium supports it use it as the
 * idempotency key
 * @param priority {@code P0}..{@code P3} or {@code null}
 * @param body Markdown
 * @param fields structured facts shown beside the body
 * @param remediationId the remediation it is about, or {@code null}
 * @param namespace the target's namespace, or {@code null}
 * @param environment the target's environment, or {@code null}
 * @param labels further routing labels
 * @param graph the step graph as text, or {@code null}
 * @param actions buttons and links
 * @param groupKey what identical notifications share, or {@code null}
 * @param occurrences how many accepted notifications this one stands for (1 unless
 * grouped)
 */
public record Notification(UUID id, NotificationType type, String severity, String priority, String subject,
		String body, Map<String, String> fields, UUID remediationId, String namespace, String environment,
		Map<String, String> labels, String graph, List<NotificationAction> actions, String groupKey, int occurrences,
		Instant createdAt) {

	public Notification {
		fields = Map.copyOf(fields);
		labels = Map.copyOf(labels);
		actions = List.copyOf(actions);
	}

	/**
	 * The subject with the number of grouped occurrences, when there are several.
	 */
	public String subjectWithCount() {
		return (this.occurrences > 1) ? this.subject + " (×" + this.occurrences + ")" : this.subject;
	}

}
