package ai.kubernaut.approval.request;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.contracts.approval.ApprovalCallback;
import ai.kubernaut.contracts.approval.ApprovalLinks;
import ai.kubernaut.contracts.approval.ApprovalState;
import ai.kubernaut.contracts.approval.ApprovalView;
import ai.kubernaut.contracts.signal.ResourceRef;

/**
 * An approval request as stored. {@code decidedBy}, {@code decidedVia}, {@code comment}
 * and {@code decidedAt} are {@code null} while it is pending; an expired or superseded
 * request was decided by {@link #SYSTEM}. {@code approvedBy} lists who approved so far,
 * which matters while a two-person request waits for its second approver.
 */
public record Approval(UUID id, UUID remediationId, UUID executionId, List<String> steps, ResourceRef target,
		String targetResourceVersion, String actionType, String workflowId, String workflowVersion,
		Map<String, Object> parameters, String graph, String diff, String risk, int requiredApprovals,
		String approverGroup, String reason, URI callbackUrl, String planHash, ApprovalState state,
		List<String> approvedBy, String decidedBy, String decidedVia, String comment, Instant createdAt,
		Instant expiresAt, Instant decidedAt) {

	/**
	 * Who "decides" a request nobody decided in time, or one the engine withdrew.
	 */
	public static final String SYSTEM = "system";

	public Approval {
		steps = List.copyOf(steps);
		parameters = Map.copyOf(parameters);
		approvedBy = List.copyOf(approvedBy);
	}

	/**
	 * Whether the request is still pending although its deadline has passed; it is then
	 * waiting to be marked {@link ApprovalState#EXPIRED} and must not be decided.
	 */
	public boolean isOverdue(Instant now) {
		return this.state == ApprovalState.PENDING && !now.isBefore(this.expiresAt);
	}

	ApprovalView toView(ApprovalLinks links) {
		return new ApprovalView(this.id, this.remediationId, this.executionId, this.steps, this.target,
				this.targetResourceVersion, this.actionType, this.workflowId, this.workflowVersion, this.parameters,
				this.graph, this.diff, this.risk, this.requiredApprovals, this.approverGroup, this.reason,
				this.planHash, this.state, this.approvedBy, this.decidedBy, this.decidedVia, this.comment,
				this.createdAt, this.expiresAt, this.decidedAt, links);
	}

	ApprovalView toView() {
		return toView(null);
	}

	ApprovalCallback toCallback() {
		return new ApprovalCallback(this.id, this.remediationId, this.executionId, this.steps, this.state,
				this.decidedBy, this.comment, this.decidedAt, this.planHash);
	}

}
