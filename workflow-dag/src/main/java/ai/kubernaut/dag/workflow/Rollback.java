package ai.kubernaut.dag.workflow;

import java.util.Map;
import java.util.Objects;

/**
 * An explicit compensation for a step: the action that undoes it. Its parameters may
 * reference the step's own output, e.g. {@code ${steps.scale.previousReplicas}}.
 *
 * @param action the compensating action
 * @param parameters its inputs
 */
public record Rollback(String action, Map<String, Object> parameters) {

	public Rollback {
		Objects.requireNonNull(action, "action");
		parameters = (parameters != null) ? Map.copyOf(parameters) : Map.of();
	}

}
