package ai.kubernaut.approval.request;

import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * A decision arrived after the request's deadline. The gated steps will not run on this
 * request; the engine has to ask again if the remediation is still wanted.
 */
class ApprovalExpiredException extends ApiProblemException {

	ApprovalExpiredException(Approval current) {
		super(HttpStatus.CONFLICT, "approval-expired", "Approval Expired", "Approval request " + current.id()
				+ " expired at " + current.expiresAt() + "; it can no longer be decided.");
		with("approvalId", current.id());
		with("expiresAt", current.expiresAt());
	}

}
