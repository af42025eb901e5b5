package ai.kubernaut.datastorage.catalog.registration;

import java.util.UUID;

import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * Re-registering content whose row was retired for good ({@code Deprecated} or
 * {@code Archived}); only a new version can bring the workflow back.
 */
class WorkflowStatusConflictException extends ApiProblemException {

	WorkflowStatusConflictException(String workflowName, String version, UUID workflowId, String status) {
		super(HttpStatus.CONFLICT, "workflow-status-conflict", "Workflow Status Conflict", "Workflow " + workflowName
				+ " version " + version + " is " + status + " and cannot be registered again; register a new version.");
		with("workflowId", workflowId).with("workflowStatus", status);
	}

}
