package ai.kubernaut.datastorage.catalog.discovery;

import java.util.UUID;

import ai.kubernaut.contracts.catalog.WorkflowCatalogApi;
import ai.kubernaut.contracts.catalog.WorkflowDefinition;
import ai.kubernaut.contracts.catalog.WorkflowDiscoveryResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.RestController;

/**
 * Discovery steps 2 and 3 of Kubernaut's protocol, as the engine calls them through
 * {@link WorkflowCatalogApi}.
 */
@RestController
class WorkflowDiscoveryController implements WorkflowCatalogApi {

	private final WorkflowDiscoveryQuery query;

	private final WorkflowDefinitions definitions;

	WorkflowDiscoveryController(WorkflowDiscoveryQuery query, JsonMapper json) {
		this.query = query;
		this.definitions = new WorkflowDefinitions(json);
	}

	@Override
	public WorkflowDiscoveryResponse listWorkflowsByActionType(String actionType, String severity, String component,
			String environment, String priority, Integer offset, Integer limit) {
		return this.query.workflowsFor(actionType, DiscoveryContext.of(severity, component, environment, priority),
				PageRequest.of(offset, limit));
	}

	@Override
	public WorkflowDefinition getWorkflow(String workflowId) {
		UUID id;
		try {
			id = UUID.fromString(workflowId);
		}
		catch (IllegalArgumentException malformed) {
			throw new WorkflowNotFoundException(workflowId);
		}
		return this.query.findById(id)
			.map(this.definitions::from)
			.orElseThrow(() -> new WorkflowNotFoundException(workflowId));
	}

}
