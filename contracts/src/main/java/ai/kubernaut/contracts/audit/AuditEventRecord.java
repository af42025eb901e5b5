package ai.kubernaut.contracts.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An event as the audit trail stores it: what was sent ({@link AuditEvent}) plus where it
 * sits in its correlation's hash chain and who recorded it.
 *
 * @param chainPosition 1 for the first event of the correlation id, then 2, 3, ...
 * @param recordedBy the authenticated service that sent the event (not client-provided)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEventRecord(@JsonProperty("event_id") UUID eventId, String version,
		@JsonProperty("event_type") String eventType, @JsonProperty("event_timestamp") Instant eventTimestamp,
		@JsonProperty("event_category") String eventCategory, @JsonProperty("event_action") String eventAction,
		@JsonProperty("event_outcome") String eventOutcome, @JsonProperty("correlation_id") String correlationId,
		@JsonProperty("actor_type") String actorType, @JsonProperty("actor_id") String actorId,
		@JsonProperty("resource_type") String resourceType, @JsonProperty("resource_id") String resourceId,
		@JsonProperty("resource_name") String resourceName, String namespace, String severity,
		@JsonProperty("duration_ms") Long durationMs, @JsonProperty("error_code") String errorCode,
		@JsonProperty("error_message") String errorMessage, @JsonProperty("event_data") Map<String, Object> eventData,
		@JsonProperty("chain_position") int chainPosition, @JsonProperty("event_hash") String eventHash,
		@JsonProperty("previous_event_hash") String previousEventHash, @JsonProperty("recorded_at") Instant recordedAt,
		@JsonProperty("recorded_by") String recordedBy) {
}
