package ai.kubernaut.engine.execution;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import ai.kubernaut.dag.workflow.Workflow;
import ai.kubernaut.dag.workflow.WorkflowValidator;

/**
 * Validated workflows of executions, read from their stored definition once per replica.
 * Definitions never change after submission, so entries never go stale; entries of
 * finished executions are dropped.
 */
class LoadedWorkflows {

	private static final int MAX_ENTRIES = 10_000;

	private final WorkflowValidator validator;

	private final Map<UUID, Workflow> cache = new ConcurrentHashMap<>();

	LoadedWorkflows(WorkflowValidator validator) {
		this.validator = validator;
	}

	Workflow of(ExecutionRow execution) {
		Workflow workflow = this.cache.get(execution.id());
		if (workflow == null) {
			workflow = this.validator.read(execution.definition());
			if (this.cache.size() < MAX_ENTRIES) {
				this.cache.put(execution.id(), workflow);
			}
		}
		return workflow;
	}

	void forget(UUID executionId) {
		this.cache.remove(executionId);
	}

}
