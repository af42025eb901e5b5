package ai.kubernaut.dag.workflow;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@link WorkflowScheduler} needs to decide: when the run started, what time
 * it is, each step's state, and the inputs its conditions may read.
 *
 * @param startedAt when the run started; the workflow timeout counts from here
 * @param now the current time
 * @param steps state by step id; absent steps are {@link StepState#PENDING}
 * @param parameters the workflow parameters, {@code TARGET_RESOURCE_*} included
 * @param target {@code kind}, {@code namespace} and {@code name} of the target
 */
public record RunState(Instant startedAt, Instant now, Map<String, StepState> steps, Map<String, Object> parameters,
		Map<String, Object> target) {

	public RunState {
		Objects.requireNonNull(startedAt, "startedAt");
		Objects.requireNonNull(now, "now");
		steps = (steps != null) ? Map.copyOf(steps) : Map.of();
		parameters = (parameters != null) ? Map.copyOf(parameters) : Map.of();
		target = (target != null) ? Map.copyOf(target) : Map.of();
	}

	public StepState step(String stepId) {
		return this.steps.getOrDefault(stepId, StepState.PENDING);
	}

}
