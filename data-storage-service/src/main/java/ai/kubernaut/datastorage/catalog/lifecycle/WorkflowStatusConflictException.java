package ai.kubernaut.datastorage.catalog.lifecycle;

import java.util.UUID;

import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * A lifecycle move the row's status does not allow.
 */
class WorkflowStatusConflictException extends ApiProblemException {

	WorkflowStatusConflictException(UUID workflowId, String status, LifecycleAction action, String why) {
		super(HttpStatus.CONFLICT, "workflow-status-conflict", "Workflow Status Conflict",
				"Workflow " + workflowId + " is " + status + " and cannot be " + action.segment() + "d: " + why);
		with("workflowId", workflowId).with("workflowStatus", status).with("requestedStatus", action.target().value());
	}

}
