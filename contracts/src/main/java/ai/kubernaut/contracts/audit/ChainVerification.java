package ai.kubernaut.contracts.audit;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The result of recomputing hash chains.
 *
 * @param verified no event was found altered, reordered or missing
 * @param eventsChecked how many events were recomputed
 * @param chainsChecked how many correlation ids they belong to
 * @param violations what was found wrong, at most 1000
 */
public record ChainVerification(boolean verified, @JsonProperty("events_checked") long eventsChecked,
		@JsonProperty("chains_checked") long chainsChecked, List<Violation> violations) {

	/**
	 * @param reason {@code event_hash_mismatch} (the row changed after it was written) or
	 * {@code chain_link_broken} (an event before it was changed, removed or inserted)
	 */
	public record Violation(@JsonProperty("correlation_id") String correlationId,
			@JsonProperty("event_id") UUID eventId, @JsonProperty("chain_position") int chainPosition, String reason) {
	}

}
