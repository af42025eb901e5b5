package ai.kubernaut.approval.request;

import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * A decision arrived for a request that someone already approved or rejected. The problem
 * names the decision that stands, so the loser of a race learns what happened instead of
 * retrying.
 */
class ApprovalAlreadyDecidedException extends ApiProblemException {

	ApprovalAlreadyDecidedException(Approval current) {
		super(HttpStatus.CONFLICT, "approval-already-decided", "Approval Already Decided",
				"Approval request " + current.id() + " is already " + current.state() + " (by " + current.decidedBy()
						+ " at " + current.decidedAt() + ").");
		with("approvalId", current.id());
		with("state", current.state());
		with("decidedBy", current.decidedBy());
		with("decidedAt", current.decidedAt());
	}

}
