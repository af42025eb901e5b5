package ai.kubernaut.approval.request;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.contracts.approval.ApprovalState;
import ai.kubernaut.contracts.approval.ApprovalView;
import ai.kubernaut.contracts.signal.ResourceRef;

/**
 * An approval request as stored. {@code decidedBy}, {@code comment} and {@code decidedAt}
 * are {@code null} while it is pending; an expired request was decided by {@link #SYSTEM}
 * at its deadline.
 */
record Approval(UUID id, UUID remediationId, List<String> steps, ResourceRef target, String actionType,
		String workflowId, Map<String, Object> parameters, String reason, ApprovalState state, String decidedBy,
		String comment, Instant createdAt, Instant expiresAt, Instant decidedAt) {

	/**
	 * Who "decides" a request nobody decided in time.
	 */
	static final String SYSTEM = "system";

	Approval {
		steps = List.copyOf(steps);
		parameters = Map.copyOf(parameters);
	}

	/**
	 * Whether the request is still pending although its deadline has passed; it is then
	 * waiting to be marked {@link ApprovalState#EXPIRED} and must not be decided.
	 */
	boolean isOverdue(Instant now) {
		return this.state == ApprovalState.PENDING && !now.isBefore(this.expiresAt);
	}

	ApprovalView toView() {
		return new ApprovalView(this.id, this.remediationId, this.steps, this.target, this.actionType, this.workflowId,
				this.parameters, this.reason, this.state, this.decidedBy, this.comment, this.createdAt, this.expiresAt,
				this.decidedAt);
	}

}
