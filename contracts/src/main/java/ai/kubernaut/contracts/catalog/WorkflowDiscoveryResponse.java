package ai.kubernaut.contracts.catalog;

import java.util.List;

/**
 * Discovery step 2: the workflows of one action type that match the incident's context,
 * best first.
 */
public record WorkflowDiscoveryResponse(String actionType, List<WorkflowDiscoveryEntry> workflows,
		Pagination pagination) {
}
