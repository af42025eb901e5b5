package ai.kubernaut.engine.remediation;

import java.util.UUID;

import ai.kubernaut.contracts.remediation.RemediationPhase;
import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * A command for a remediation that already ended.
 */
class RemediationFinishedException extends ApiProblemException {

	RemediationFinishedException(UUID remediationId, RemediationPhase phase, String outcome) {
		super(HttpStatus.CONFLICT, "remediation-finished", "Remediation already ended", "Remediation " + remediationId
				+ " already ended: " + phase + ((outcome != null) ? " (" + outcome + ")" : ""));
		with("remediationId", remediationId).with("phase", phase.name());
		if (outcome != null) {
			with("outcome", outcome);
		}
	}

}
