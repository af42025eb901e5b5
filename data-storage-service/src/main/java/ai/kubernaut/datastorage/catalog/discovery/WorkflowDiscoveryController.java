package ai.kubernaut.datastorage.catalog.discovery;

import java.util.Optional;
import java.util.UUID;

import ai.kubernaut.contracts.catalog.WorkflowCatalogApi;
import ai.kubernaut.contracts.catalog.WorkflowDefinition;
import ai.kubernaut.contracts.catalog.WorkflowDiscoveryResponse;
import ai.kubernaut.datastorage.catalog.CatalogWorkflow;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.RestController;

/**
 * Discovery steps 2 and 3 of Kubernaut's protocol, as the engine calls them through
 * {@link WorkflowCatalogApi}.
 */
@RestController
class WorkflowDiscoveryController implements WorkflowCatalogApi {

	private final WorkflowDiscoveryQuery query;

	private final DiscoveryContexts contexts;

	private final WorkflowDefinitions definitions;

	private final DiscoveryAudit audit;

	WorkflowDiscoveryController(WorkflowDiscoveryQuery query, DiscoveryContexts contexts, JsonMapper json,
			DiscoveryAudit audit) {
		this.query = query;
		this.contexts = contexts;
		this.definitions = new WorkflowDefinitions(json);
		this.audit = audit;
	}

	@Override
	public WorkflowDiscoveryResponse discoverWorkflows(String actionType, String severity, String component,
			String environment, String priority, String customLabels, String detectedLabels, String cluster,
			String remediationId, Integer offset, Integer limit, Boolean explain) {
		DiscoveryContext context = this.contexts.of(severity, component, environment, priority, customLabels,
				detectedLabels, cluster);
		WorkflowDiscoveryResponse response = this.query.workflowsFor(actionType, context, PageRequest.of(offset, limit),
				Boolean.TRUE.equals(explain));
		this.audit.workflowsListed(remediationId, actionType, context, response);
		return response;
	}

	@Override
	public WorkflowDefinition getWorkflow(String workflowId, String severity, String component, String environment,
			String priority, String customLabels, String detectedLabels, String cluster, String remediationId) {
		DiscoveryContext context = this.contexts.of(severity, component, environment, priority, customLabels,
				detectedLabels, cluster);
		UUID id;
		try {
			id = UUID.fromString(workflowId);
		}
		catch (IllegalArgumentException malformed) {
			throw new WorkflowNotFoundException(workflowId);
		}
		Optional<CatalogWorkflow> workflow = context.hasContextFilters() ? this.query.findSelectable(id, context)
				: this.query.findById(id);
		this.audit.workflowRetrieved(remediationId, workflowId, context, workflow.isPresent());
		return workflow.map(this.definitions::from).orElseThrow(() -> new WorkflowNotFoundException(workflowId));
	}

}
