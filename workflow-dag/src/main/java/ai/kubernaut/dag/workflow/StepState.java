package ai.kubernaut.dag.workflow;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What is known about one step of a run, as persisted between decisions.
 *
 * @param phase where it is
 * @param attempts attempts started so far
 * @param startedAt when the current or last attempt started, or {@code null}
 * @param finishedAt when the last attempt ended, or {@code null}
 * @param notBefore the earliest time a retry may start, or {@code null}
 * @param approved whether a person approved it (only meaningful for gated steps)
 * @param output what the step reported when it completed
 * @param error why it failed or was skipped, or {@code null}
 */
public record StepState(StepPhase phase, int attempts, Instant startedAt, Instant finishedAt, Instant notBefore,
		boolean approved, Map<String, Object> output, String error) {

	public static final StepState PENDING = new StepState(StepPhase.PENDING, 0, null, null, null, false, null, null);

	public StepState {
		Objects.requireNonNull(phase, "phase");
		output = (output != null) ? Map.copyOf(output) : Map.of();
	}

	public static StepState running(int attempts, Instant startedAt) {
		return new StepState(StepPhase.RUNNING, attempts, startedAt, null, null, false, null, null);
	}

	public static StepState completed(Map<String, Object> output) {
		return new StepState(StepPhase.COMPLETED, 1, null, null, null, false, output, null);
	}

	public static StepState failed(int attempts, Instant finishedAt, String error) {
		return new StepState(StepPhase.FAILED, attempts, null, finishedAt, null, false, null, error);
	}

	public static StepState of(StepPhase phase) {
		return new StepState(phase, 0, null, null, null, false, null, null);
	}

	public StepState withPhase(StepPhase phase) {
		return new StepState(phase, this.attempts, this.startedAt, this.finishedAt, this.notBefore, this.approved,
				this.output, this.error);
	}

	public StepState approve() {
		return new StepState(StepPhase.PENDING, this.attempts, this.startedAt, this.finishedAt, this.notBefore, true,
				this.output, this.error);
	}

}
