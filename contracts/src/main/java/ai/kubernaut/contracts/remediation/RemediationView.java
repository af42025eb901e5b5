package ai.kubernaut.contracts.remediation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.contracts.signal.Signal;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A remediation as the engine reports it.
 *
 * @param actionType the action type the signal was routed to, {@code null} until routed
 * @param workflowId the catalog workflow chosen, {@code null} until chosen
 * @param failureReason why the remediation failed, was skipped or cancelled; {@code null}
 * otherwise
 * @param outcome Kubernaut's outcome once known: {@code Remediated},
 * {@code NoActionRequired}, {@code ManualReviewRequired}, {@code Failed},
 * {@code ResourceBusy}, {@code RecentlyRemediated}, {@code ExponentialBackoff},
 * {@code ConsecutiveFailuresBlocked}, {@code ApprovalRejected}, {@code ApprovalExpired},
 * {@code Cancelled}
 * @param executionId the workflow execution running it, once started (see
 * {@code /api/v1/workflow-executions/{id}})
 * @param approvalRequired whether the approval policy gated the run, once decided
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RemediationView(UUID remediationId, String fingerprint, RemediationPhase phase, Signal signal,
		ResourceRef target, String actionType, String workflowId, String workflowName, List<StepView> steps,
		String failureReason, Instant createdAt, Instant updatedAt, Instant completedAt, String outcome,
		UUID executionId, Boolean approvalRequired) {
}
