package ai.kubernaut.engine.remediation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ai.kubernaut.contracts.catalog.Pagination;
import ai.kubernaut.contracts.catalog.WorkflowCatalogApi;
import ai.kubernaut.contracts.catalog.WorkflowDefinition;
import ai.kubernaut.contracts.catalog.WorkflowDiscoveryEntry;
import ai.kubernaut.contracts.catalog.WorkflowDiscoveryResponse;
import ai.kubernaut.engine.catalog.WorkflowQuery;
import ai.kubernaut.support.problem.RemoteServiceException;

import org.springframework.http.HttpStatus;

/**
 * An in-memory catalog: every registered workflow matches any labels of its action type.
 */
class FakeWorkflowCatalog implements WorkflowCatalogApi {

	private final Map<String, WorkflowDefinition> workflows = new ConcurrentHashMap<>();

	final List<WorkflowQuery> queries = new ArrayList<>();

	private RuntimeException outage;

	FakeWorkflowCatalog register(WorkflowDefinition workflow) {
		this.workflows.put(workflow.workflowId(), workflow);
		return this;
	}

	void failWith(RuntimeException outage) {
		this.outage = outage;
	}

	@Override
	public WorkflowDiscoveryResponse listWorkflowsByActionType(String actionType, String severity, String component,
			String environment, String priority, Integer offset, Integer limit) {
		if (this.outage != null) {
			throw this.outage;
		}
		this.queries.add(new WorkflowQuery(actionType, severity, component, environment, priority));
		List<WorkflowDiscoveryEntry> entries = this.workflows.values()
			.stream()
			.filter((workflow) -> workflow.actionType().equals(actionType))
			.map((workflow) -> new WorkflowDiscoveryEntry(workflow.workflowId(), workflow.workflowName(),
					workflow.name(), workflow.description(), workflow.version(), workflow.executionBundle(),
					workflow.executionEngine(), workflow.serviceAccountName()))
			.toList();
		return new WorkflowDiscoveryResponse(actionType, entries, Pagination.of(entries.size(), offset, limit));
	}

	@Override
	public WorkflowDefinition getWorkflow(String workflowId) {
		WorkflowDefinition workflow = this.workflows.get(workflowId);
		if (workflow == null) {
			throw new RemoteServiceException("data-storage", HttpStatus.NOT_FOUND, null);
		}
		return workflow;
	}

}
