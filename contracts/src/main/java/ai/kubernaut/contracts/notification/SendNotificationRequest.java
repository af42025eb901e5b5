package ai.kubernaut.contracts.notification;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A notification to deliver.
 *
 * @param remediationId the remediation it is about, if any
 * @param body Markdown
 * @param fields structured key/value facts shown beside the body (target, workflow, ...)
 */
public record SendNotificationRequest(@NotNull NotificationType type, @NotBlank String severity,
		@NotBlank @Size(max = 250) String subject, @NotNull @Size(max = 40_000) String body, Map<String, String> fields,
		UUID remediationId) {

	public SendNotificationRequest {
		fields = fields == null ? Map.of() : Map.copyOf(fields);
	}

}
