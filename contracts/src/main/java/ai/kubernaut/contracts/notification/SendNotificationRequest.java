package ai.kubernaut.contracts.notification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A notification to deliver.
 *
 * @param priority {@code P0}..{@code P3}, when known
 * @param body Markdown
 * @param fields structured key/value facts shown beside the body (target, workflow, ...)
 * @param remediationId the remediation it is about, if any
 * @param namespace the target's namespace, for routing
 * @param environment the target's environment, for routing
 * @param labels further routing labels (e.g. {@code team})
 * @param graph the step graph as text, shown as a code block
 * @param actions buttons and links, e.g. Approve / Reject
 * @param groupKey notifications with the same group key and type within the grouping
 * window are sent as one message with a count; the remediation's fingerprint is a good
 * key
 */
public record SendNotificationRequest(@NotNull NotificationType type, @NotBlank String severity, String priority,
		@NotBlank @Size(max = 250) String subject, @NotNull @Size(max = 40_000) String body, Map<String, String> fields,
		UUID remediationId, String namespace, String environment, Map<String, String> labels,
		@Size(max = 20_000) String graph, @Size(max = 5) List<@Valid NotificationAction> actions, String groupKey) {

	public SendNotificationRequest {
		fields = (fields == null) ? Map.of() : Map.copyOf(fields);
		labels = (labels == null) ? Map.of() : Map.copyOf(labels);
		actions = (actions == null) ? List.of() : List.copyOf(actions);
	}

	/**
	 * A plain notification: no routing hints, graph or actions.
	 */
	public SendNotificationRequest(NotificationType type, String severity, String subject, String body,
			Map<String, String> fields, UUID remediationId) {
		this(type, severity, null, subject, body, fields, remediationId, null, null, null, null, null, null);
	}

}
