package ai.kubernaut.datastorage.catalog.lifecycle;

import ai.kubernaut.support.problem.NotFoundException;

/**
 * No catalog row answers to the id; malformed ids get the same answer.
 */
class WorkflowNotFoundException extends NotFoundException {

	WorkflowNotFoundException(String workflowId) {
		super("workflow-not-found", "Workflow not found: " + workflowId);
	}

}
