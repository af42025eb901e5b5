package ai.kubernaut.dag.workflow;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import ai.kubernaut.dag.StepSpec;

/**
 * One step of a {@link WorkflowDefinition}.
 *
 * @param id unique within the workflow
 * @param name a title for people; the id when absent
 * @param action the action that performs the step, e.g. {@code scale_deployment}
 * @param parameters the action's inputs; string values may hold references (see
 * {@link ParameterReferences})
 * @param dependsOn ids of the steps that must complete first
 * @param timeout the longest one attempt may run; {@code null} for no step limit (the
 * workflow timeout still applies)
 * @param retry how a failed attempt is retried
 * @param when a condition over {@code params}, {@code target} and {@code steps}; when it
 * is false the step is skipped; {@code null} for always
 * @param requiresApproval whether a person must approve before the step starts
 * @param rollback explicit compensation, or {@code null}
 * @param risk free text such as {@code low} or {@code medium}, shown to approvers; may be
 * {@code null}
 */
public record WorkflowStep(String id, String name, String action, Map<String, Object> parameters,
		List<String> dependsOn, Duration timeout, RetryPolicy retry, String when, boolean requiresApproval,
		Rollback rollback, String risk) {

	public WorkflowStep {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(action, "action");
		name = (name == null || name.isBlank()) ? id : name;
		parameters = (parameters != null) ? unmodifiable(parameters) : Map.of();
		dependsOn = (dependsOn != null) ? List.copyOf(new LinkedHashSet<>(dependsOn)) : List.of();
		retry = (retry != null) ? retry : RetryPolicy.NONE;
		when = (when == null || when.isBlank()) ? null : when.strip();
	}

	/**
	 * A step with only the essentials; the rest at defaults.
	 */
	public static WorkflowStep of(String id, String action, Map<String, Object> parameters, String... dependsOn) {
		return new WorkflowStep(id, id, action, parameters, List.of(dependsOn), null, null, null, false, null, null);
	}

	public WorkflowStep withTimeout(Duration timeout) {
		return new WorkflowStep(this.id, this.name, this.action, this.parameters, this.dependsOn, timeout, this.retry,
				this.when, this.requiresApproval, this.rollback, this.risk);
	}

	public WorkflowStep withRetry(RetryPolicy retry) {
		return new WorkflowStep(this.id, this.name, this.action, this.parameters, this.dependsOn, this.timeout, retry,
				this.when, this.requiresApproval, this.rollback, this.risk);
	}

	public WorkflowStep withWhen(String when) {
		return new WorkflowStep(this.id, this.name, this.action, this.parameters, this.dependsOn, this.timeout,
				this.retry, when, this.requiresApproval, this.rollback, this.risk);
	}

	public WorkflowStep withApproval() {
		return new WorkflowStep(this.id, this.name, this.action, this.parameters, this.dependsOn, this.timeout,
				this.retry, this.when, true, this.rollback, this.risk);
	}

	public WorkflowStep withRollback(Rollback rollback) {
		return new WorkflowStep(this.id, this.name, this.action, this.parameters, this.dependsOn, this.timeout,
				this.retry, this.when, this.requiresApproval, rollback, this.risk);
	}

	/**
	 * The graph view of this step.
	 */
	public StepSpec toStepSpec() {
		return new StepSpec(this.id, this.action, this.parameters, this.dependsOn);
	}

	// Map.copyOf would reorder keys and reject nulls; parameters keep the author's order.
	private static Map<String, Object> unmodifiable(Map<String, Object> parameters) {
		Map<String, Object> copy = new LinkedHashMap<>();
		parameters.forEach((key, value) -> {
			if (value != null) {
				copy.put(key, value);
			}
		});
		return java.util.Collections.unmodifiableMap(copy);
	}

}
