package ai.kubernaut.datastorage.catalog.discovery;

import java.util.List;

import ai.kubernaut.contracts.catalog.Pagination;
import ai.kubernaut.contracts.catalog.WorkflowDescription;

/**
 * Discovery step 1: the action types that have at least one workflow matching the
 * incident, by name.
 */
record ActionTypeListResponse(List<ActionTypeEntry> actionTypes, Pagination pagination) {

	/**
	 * @param workflowCount how many of its workflows match
	 */
	record ActionTypeEntry(String actionType, WorkflowDescription description, long workflowCount) {
	}

}
