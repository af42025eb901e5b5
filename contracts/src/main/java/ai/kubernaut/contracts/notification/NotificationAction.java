package ai.kubernaut.contracts.notification;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * A button or link in a notification, e.g. Approve / Reject of an approval request.
 *
 * @param id what the action does, e.g. {@code approve}, {@code reject}, {@code view}
 * @param url the one-click link (for email and Slack link buttons)
 * @param value an opaque value interactive channels send back when the button is clicked
 * (for Slack, the {@code value} of a Block Kit button handled by approval-service)
 * @param style {@code primary}, {@code danger} or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationAction(@NotBlank @Pattern(regexp = "[a-z][a-z0-9_-]{0,31}") String id, @NotBlank String label,
		URI url, String value, String style) {
}
