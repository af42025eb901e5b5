package ai.kubernaut.contracts.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What to verify: one correlation id's chain, or every chain when {@code correlationId}
 * is absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerificationRequest(@JsonProperty("correlation_id") String correlationId) {
}
