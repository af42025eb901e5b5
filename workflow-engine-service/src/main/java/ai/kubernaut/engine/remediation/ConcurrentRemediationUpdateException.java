package ai.kubernaut.engine.remediation;

import java.util.UUID;

import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * Someone else (another engine instance, or another thread) changed the remediation since
 * it was read.
 */
class ConcurrentRemediationUpdateException extends ApiProblemException {

	ConcurrentRemediationUpdateException(UUID remediationId, long version) {
		super(HttpStatus.CONFLICT, "remediation-concurrently-modified", "Conflict",
				"Remediation " + remediationId + " changed since version " + version + " was read");
		with("remediationId", remediationId);
	}

}
