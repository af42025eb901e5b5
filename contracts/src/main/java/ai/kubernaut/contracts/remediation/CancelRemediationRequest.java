package ai.kubernaut.contracts.remediation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Asks the engine to stop a remediation that has not finished.
 *
 * @param reason why, for the audit trail and the remediation's view (e.g.
 * {@code alert resolved})
 */
public record CancelRemediationRequest(@NotBlank @Size(max = 1024) String reason) {
}
