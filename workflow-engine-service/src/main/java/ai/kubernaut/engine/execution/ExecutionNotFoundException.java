package ai.kubernaut.engine.execution;

import java.util.UUID;

import ai.kubernaut.support.problem.NotFoundException;

class ExecutionNotFoundException extends NotFoundException {

	ExecutionNotFoundException(UUID id) {
		super("workflow-execution-not-found", "No workflow execution " + id);
		with("executionId", id);
	}

}
