package ai.kubernaut.dag;

import java.util.Map;
import java.util.Objects;

/**
 * One transition of one step during a run.
 *
 * @param step the step
 * @param status {@link StepStatus#RUNNING} when it starts, then
 * {@link StepStatus#SUCCEEDED}, {@link StepStatus#FAILED} or {@link StepStatus#SKIPPED}
 * @param output the step's output when it succeeded, otherwise empty
 * @param message why it failed or was skipped, otherwise {@code null}
 */
public record StepEvent(StepSpec step, StepStatus status, Map<String, Object> output, String message) {

	public StepEvent {
		Objects.requireNonNull(step, "step");
		Objects.requireNonNull(status, "status");
		output = (output != null) ? Map.copyOf(output) : Map.of();
	}

	public String stepId() {
		return this.step.id();
	}

	static StepEvent started(StepSpec step) {
		return new StepEvent(step, StepStatus.RUNNING, Map.of(), null);
	}

	static StepEvent finished(StepSpec step, StepResult result) {
		return switch (result) {
			case StepResult.Succeeded succeeded -> new StepEvent(step, StepStatus.SUCCEEDED, succeeded.output(), null);
			case StepResult.Failed failed -> new StepEvent(step, StepStatus.FAILED, Map.of(), failed.message());
		};
	}

	static StepEvent skipped(StepSpec step, String reason) {
		return new StepEvent(step, StepStatus.SKIPPED, Map.of(), reason);
	}

}
