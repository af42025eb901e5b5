package ai.kubernaut.dag.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ai.kubernaut.dag.Dag;

/**
 * A validated workflow, ready to run: the definition, its {@link Dag} and the compiled
 * {@code when} conditions. Immutable; build one with {@link WorkflowValidator}.
 */
public final class Workflow {

	private final WorkflowDefinition definition;

	private final Dag dag;

	private final Map<String, WorkflowStep> steps;

	private final Map<String, ConditionCompiler.Condition> conditions;

	Workflow(WorkflowDefinition definition, Dag dag, Map<String, ConditionCompiler.Condition> conditions) {
		this.definition = definition;
		this.dag = dag;
		Map<String, WorkflowStep> steps = new LinkedHashMap<>();
		definition.steps().forEach((step) -> steps.put(step.id(), step));
		this.steps = java.util.Collections.unmodifiableMap(steps);
		this.conditions = Map.copyOf(conditions);
	}

	public WorkflowDefinition definition() {
		return this.definition;
	}

	public Dag dag() {
		return this.dag;
	}

	public Strategy strategy() {
		return this.definition.strategy();
	}

	/**
	 * The steps in declaration order.
	 */
	public List<WorkflowStep> steps() {
		return this.definition.steps();
	}

	/**
	 * @throws IllegalArgumentException for an unknown id
	 */
	public WorkflowStep step(String stepId) {
		WorkflowStep step = this.steps.get(stepId);
		if (step == null) {
			throw new IllegalArgumentException("No step '" + stepId + "' in workflow " + this.definition.name());
		}
		return step;
	}

	public Set<String> stepIds() {
		return this.steps.keySet();
	}

	/**
	 * The compiled {@code when} of {@code stepId}; empty when the step always runs.
	 */
	public Optional<ConditionCompiler.Condition> condition(String stepId) {
		return Optional.ofNullable(this.conditions.get(stepId));
	}

	/**
	 * 1-based position of {@code stepId} in declaration order, as people number steps.
	 */
	public int number(String stepId) {
		return List.copyOf(this.steps.keySet()).indexOf(stepId) + 1;
	}

	@Override
	public String toString() {
		return "Workflow[" + this.definition.name() + ": " + this.dag + "]";
	}

}
