package ai.kubernaut.datastorage.catalog.discovery;

import ai.kubernaut.support.problem.NotFoundException;

/**
 * No workflow answers to the id. Malformed ids get the same answer as unknown ones, so
 * the response never tells whether an id exists.
 */
class WorkflowNotFoundException extends NotFoundException {

	WorkflowNotFoundException(String workflowId) {
		super("workflow-not-found", "Workflow not found: " + workflowId);
	}

}
