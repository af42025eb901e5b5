package ai.kubernaut.dag;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a workflow: what to run and what must succeed first.
 * <p>
 * Immutable. {@code parameters} keeps no {@code null} values and {@code dependsOn} no
 * duplicates; both are empty, never {@code null}, when absent. Blank ids and actions are
 * accepted here and reported by {@link Dag.Builder#build()} together with every other
 * problem of the graph.
 *
 * @param id unique within its {@link Dag}
 * @param action the name of the action that performs the step, e.g.
 * {@code scale_deployment}
 * @param parameters the action's inputs
 * @param dependsOn ids of the steps that must succeed before this one starts, in
 * declaration order
 */
public record StepSpec(String id, String action, Map<String, Object> parameters, List<String> dependsOn) {

	public StepSpec {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(action, "action");
		parameters = (parameters != null) ? Map.copyOf(parameters) : Map.of();
		dependsOn = (dependsOn != null) ? List.copyOf(new LinkedHashSet<>(dependsOn)) : List.of();
	}

	/**
	 * A step without parameters.
	 */
	public static StepSpec of(String id, String action, String... dependsOn) {
		return new StepSpec(id, action, Map.of(), List.of(dependsOn));
	}

	/**
	 * A copy of this step with {@code parameters}.
	 */
	public StepSpec withParameters(Map<String, Object> parameters) {
		return new StepSpec(this.id, this.action, parameters, this.dependsOn);
	}

}
