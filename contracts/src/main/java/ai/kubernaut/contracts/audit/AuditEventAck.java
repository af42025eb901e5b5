package ai.kubernaut.contracts.audit;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Confirms that an audit event was stored, and where it sits in its correlation's hash
 * chain.
 *
 * @param eventHash SHA-256 over the event's canonical form and {@code previousEventHash}
 * @param previousEventHash the hash of the previous event of the same correlation id,
 * {@code null} for the first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEventAck(@JsonProperty("event_id") UUID eventId,
		@JsonProperty("event_timestamp") Instant eventTimestamp, @JsonProperty("event_hash") String eventHash,
		@JsonProperty("previous_event_hash") String previousEventHash) {
}
