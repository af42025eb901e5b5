package ai.kubernaut.contracts.approval;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.contracts.signal.ResourceRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * Asks for a human decision before the engine runs the gated steps of a remediation.
 *
 * @param steps the ids of the steps this approval gates
 * @param expiresIn how long the request stays open; the service's default when
 * {@code null}
 */
public record CreateApprovalRequest(@NotNull UUID remediationId, @NotEmpty List<@NotBlank String> steps,
		@NotNull @Valid ResourceRef target, @NotBlank String actionType, @NotBlank String workflowId,
		Map<String, Object> parameters, String reason, Duration expiresIn) {

	public CreateApprovalRequest {
		parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
	}

}
