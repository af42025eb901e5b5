package ai.kubernaut.contracts.audit;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An event for the append-only audit trail, with Kubernaut's snake_case field names.
 *
 * @param version the event schema version, e.g. {@code "1.0"}
 * @param eventType e.g. {@code gateway.signal.received},
 * {@code orchestrator.approval.approved}
 * @param eventCategory e.g. {@code gateway}, {@code workflowexecution}, {@code approval},
 * {@code notification}
 * @param eventOutcome {@code success}, {@code failure} or {@code pending}
 * @param correlationId ties the events of one remediation together (normally the
 * remediation id); the hash chain is kept per correlation id
 * @param eventData the event's details
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEvent(@NotBlank @Size(max = 10) String version,
		@JsonProperty("event_type") @NotBlank @Size(max = 100) String eventType,
		@JsonProperty("event_timestamp") @NotNull Instant eventTimestamp,
		@JsonProperty("event_category") @NotBlank @Size(max = 50) String eventCategory,
		@JsonProperty("event_action") @NotBlank @Size(max = 50) String eventAction,
		@JsonProperty("event_outcome") @NotBlank @Pattern(regexp = "success|failure|pending") String eventOutcome,
		@JsonProperty("correlation_id") @NotBlank @Size(max = 255) String correlationId,
		@JsonProperty("actor_type") String actorType, @JsonProperty("actor_id") String actorId,
		@JsonProperty("resource_type") String resourceType, @JsonProperty("resource_id") String resourceId,
		@JsonProperty("resource_name") String resourceName, String namespace, String severity,
		@JsonProperty("duration_ms") Long durationMs, @JsonProperty("error_code") String errorCode,
		@JsonProperty("error_message") String errorMessage,
		@JsonProperty("event_data") @NotNull Map<String, Object> eventData) {
}
