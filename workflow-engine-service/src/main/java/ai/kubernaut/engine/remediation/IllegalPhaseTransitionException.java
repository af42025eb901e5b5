package ai.kubernaut.engine.remediation;

import ai.kubernaut.contracts.remediation.RemediationPhase;
import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * A remediation was asked to move to a phase its current phase does not lead to.
 */
class IllegalPhaseTransitionException extends ApiProblemException {

	IllegalPhaseTransitionException(RemediationPhase from, RemediationPhase to) {
		super(HttpStatus.CONFLICT, "remediation-phase-conflict", "Conflict",
				"A remediation in phase " + from + " cannot move to " + to);
		with("phase", from.name());
	}

}
