package ai.kubernaut.contracts.approval;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.contracts.signal.ResourceRef;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An approval request and, once decided, its decision.
 *
 * @param planHash SHA-256 (hex) over the canonical plan: workflow id and version,
 * parameters, target and its resourceVersion, diff. A decision always applies to exactly
 * this plan
 * @param requiredApprovals how many distinct people must approve (after policy)
 * @param approvedBy who has approved so far, in order; with two required approvals the
 * request stays {@code PENDING} after the first
 * @param decidedBy who decided: the approver (joined with {@code ,} when two approved),
 * or {@code system} for expiry and supersession; always an authenticated identity
 * @param decidedVia how the decision arrived: {@code api}, {@code link},
 * {@code slack:<user id>}, {@code expiry} or {@code engine:<token name>} (superseded)
 * @param links one-click decision links and Slack button values; only in the answer to
 * {@code create}, since they are credentials
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApprovalView(UUID approvalId, UUID remediationId, UUID executionId, List<String> steps,
		ResourceRef target, String targetResourceVersion, String actionType, String workflowId, String workflowVersion,
		Map<String, Object> parameters, String graph, String diff, String risk, int requiredApprovals,
		String approverGroup, String reason, String planHash, ApprovalState state, List<String> approvedBy,
		String decidedBy, String decidedVia, String comment, Instant createdAt, Instant expiresAt, Instant decidedAt,
		ApprovalLinks links) {
}
