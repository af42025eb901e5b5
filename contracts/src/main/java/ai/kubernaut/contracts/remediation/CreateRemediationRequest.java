package ai.kubernaut.contracts.remediation;

import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.contracts.signal.Signal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Asks the engine to remediate a signal about one workload.
 *
 * @param fingerprint the gateway's fingerprint of the owner-resolved target
 * @param signal the normalised alert
 * @param target the top-level owner of the alerting object (a Deployment rather than its
 * Pod)
 */
public record CreateRemediationRequest(@NotBlank String fingerprint, @NotNull @Valid Signal signal,
		@NotNull @Valid ResourceRef target) {
}
