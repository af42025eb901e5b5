package ai.kubernaut.approval.request;

import java.util.UUID;

import ai.kubernaut.support.problem.NotFoundException;

/**
 * No approval request has the given id.
 */
public class ApprovalNotFoundException extends NotFoundException {

	ApprovalNotFoundException(UUID approvalId) {
		super("approval-not-found", "No approval request has id " + approvalId + ".");
		with("approvalId", approvalId);
	}

}
