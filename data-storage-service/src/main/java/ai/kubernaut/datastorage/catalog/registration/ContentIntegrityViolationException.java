package ai.kubernaut.datastorage.catalog.registration;

import java.util.UUID;

import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * A name and version already registered with different content. A released version never
 * changes meaning, so the author must bump the version.
 */
class ContentIntegrityViolationException extends ApiProblemException {

	ContentIntegrityViolationException(String workflowName, String version, UUID existingWorkflowId) {
		super(HttpStatus.CONFLICT, "content-integrity-violation", "Content Integrity Violation",
				"Workflow " + workflowName + " version " + version
						+ " is already registered with different content; bump the version to register a change.");
		with("workflowName", workflowName).with("version", version).with("existingWorkflowId", existingWorkflowId);
	}

}
