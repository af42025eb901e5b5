package ai.kubernaut.gateway.intake;

import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * None of the objects an alert names exists, so the alert is dropped (as Kubernaut's
 * gateway does). A 400, since resending the same alert cannot succeed; the problem lists
 * what was looked up.
 */
class TargetNotFoundException extends ApiProblemException {

	TargetNotFoundException(SignalOutcome.NoTarget outcome) {
		super(HttpStatus.BAD_REQUEST, "target-not-found", "Target Not Found", outcome.detail());
		with("lookedUp", outcome.lookedUp());
	}

}
