package ai.kubernaut.engine.execution;

import java.util.List;
import java.util.Map;

import ai.kubernaut.dag.DagError;
import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * A submitted definition that cannot run, with every problem found.
 */
public class InvalidWorkflowException extends ApiProblemException {

	InvalidWorkflowException(List<DagError> errors) {
		super(HttpStatus.BAD_REQUEST, "invalid-workflow", "Invalid workflow",
				errors.size() + ((errors.size() == 1) ? " problem" : " problems") + " in the workflow definition");
		with("errors",
				errors.stream()
					.map((error) -> Map.of("field",
							(error.stepId() != null) ? "definition.steps[" + error.stepId() + "]" : "definition",
							"kind", error.kind().name(), "message", error.message()))
					.toList());
	}

}
