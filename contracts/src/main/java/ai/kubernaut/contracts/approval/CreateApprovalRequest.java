package ai.kubernaut.contracts.approval;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.contracts.signal.ResourceRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Asks for a human decision before the engine runs the gated steps of a remediation.
 *
 * @param executionId the workflow execution the gated steps belong to, when there is one
 * @param steps the ids of the steps this approval gates
 * @param targetResourceVersion the target's resourceVersion when the plan was made; part
 * of the plan hash, so a changed target invalidates earlier approvals
 * @param workflowVersion the version of {@code workflowId}
 * @param graph the step graph as text (seed 000's "Dependency Graph Visualization" style)
 * @param diff the dry-run diff of what the gated steps would change, when the engine has
 * one
 * @param risk {@code low}, {@code medium} or {@code high}
 * @param requiredApprovals how many distinct people must approve (1 or 2); the service's
 * policy may raise it
 * @param approverGroup who may decide; {@code null} means the policy's default for the
 * target's namespace
 * @param expiresIn how long the request stays open; the service's default when
 * {@code null}
 * @param callbackUrl where the final decision is POSTed as an {@link ApprovalCallback}
 */
public record CreateApprovalRequest(@NotNull UUID remediationId, UUID executionId,
		@NotEmpty List<@NotBlank String> steps, @NotNull @Valid ResourceRef target, String targetResourceVersion,
		@NotBlank String actionType, @NotBlank String workflowId, String workflowVersion,
		Map<String, Object> parameters, @Size(max = 20_000) String graph, @Size(max = 100_000) String diff, String risk,
		@Min(1) @Max(2) Integer requiredApprovals, String approverGroup, @Size(max = 2000) String reason,
		Duration expiresIn, URI callbackUrl) {

	public CreateApprovalRequest {
		parameters = (parameters == null) ? Map.of() : Map.copyOf(parameters);
	}

}
