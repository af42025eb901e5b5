package ai.kubernaut.dag;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The record of a finished run.
 *
 * @param outcome how it ended
 * @param timeline every step transition in the order the executor observed it: a step's
 * {@code RUNNING} event comes before its result, and a step starts only after the results
 * of all its dependencies
 */
public record DagRun(RunOutcome outcome, List<StepEvent> timeline) {

	public DagRun {
		Objects.requireNonNull(outcome, "outcome");
		timeline = List.copyOf(timeline);
	}

	public boolean isSucceeded() {
		return this.outcome == RunOutcome.SUCCEEDED;
	}

	/**
	 * The last status of {@code stepId}; {@link StepStatus#PENDING} if it never appeared
	 * in the timeline.
	 */
	public StepStatus status(String stepId) {
		return last(stepId).map(StepEvent::status).orElse(StepStatus.PENDING);
	}

	/**
	 * What {@code stepId} reported when it succeeded; empty otherwise.
	 */
	public Map<String, Object> output(String stepId) {
		return last(stepId).map(StepEvent::output).orElse(Map.of());
	}

	/**
	 * Why {@code stepId} failed or was skipped; {@code null} otherwise.
	 */
	public String message(String stepId) {
		return last(stepId).map(StepEvent::message).orElse(null);
	}

	/**
	 * Ids of the steps that reached {@code status}, in the order they reached it.
	 */
	public List<String> stepsWith(StepStatus status) {
		return this.timeline.stream().filter((event) -> event.status() == status).map(StepEvent::stepId).toList();
	}

	private Optional<StepEvent> last(String stepId) {
		return this.timeline.reversed().stream().filter((event) -> event.stepId().equals(stepId)).findFirst();
	}

}
