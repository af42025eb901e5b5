package ai.kubernaut.engine.execution;

import java.util.UUID;

import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * An operation the execution's current phase does not allow, e.g. resuming a completed
 * run.
 */
public class ExecutionConflictException extends ApiProblemException {

	ExecutionConflictException(UUID id, ExecutionPhase phase, String operation) {
		super(HttpStatus.CONFLICT, "workflow-execution-phase-conflict", "Conflict",
				"Cannot " + operation + " workflow execution " + id + " in phase " + phase);
		with("executionId", id);
		with("phase", phase.name());
	}

}
