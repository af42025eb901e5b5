package ai.kubernaut.engine.remediation;

import java.util.UUID;

import ai.kubernaut.support.problem.NotFoundException;

class RemediationNotFoundException extends NotFoundException {

	RemediationNotFoundException(UUID remediationId) {
		super("remediation-not-found", "No remediation " + remediationId);
		with("remediationId", remediationId);
	}

}
