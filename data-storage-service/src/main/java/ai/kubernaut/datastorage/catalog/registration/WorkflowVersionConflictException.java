package ai.kubernaut.datastorage.catalog.registration;

import ai.kubernaut.datastorage.catalog.CatalogWorkflow;
import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * A registration whose version is not newer than the Active version of the same name: an
 * older release, or another workflow that happens to share the name. Registering it would
 * silently replace what discovery returns with something older or unrelated.
 */
class WorkflowVersionConflictException extends ApiProblemException {

	WorkflowVersionConflictException(String workflowName, String version, CatalogWorkflow active) {
		super(HttpStatus.CONFLICT, "workflow-version-conflict", "Workflow Version Conflict", "Workflow " + workflowName
				+ " version " + version + " is not newer than its Active version " + active.version() + " (workflow "
				+ active.workflowId() + ", action type " + active.actionType()
				+ "). Register a higher version to replace it, use another metadata.name for a different workflow, "
				+ "or disable the Active version first to go back to an older one.");
		with("workflowName", workflowName).with("version", version)
			.with("existingWorkflowId", active.workflowId())
			.with("existingVersion", active.version())
			.with("existingActionType", active.actionType());
	}

}
