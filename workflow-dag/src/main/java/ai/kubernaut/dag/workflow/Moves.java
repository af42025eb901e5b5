package ai.kubernaut.dag.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What to do next in a run, as {@link WorkflowScheduler#decide} computed it. Apply the
 * lists in the order of the fields, committing each transition before its side effect.
 *
 * @param timeOut running steps past their step or workflow timeout: stop them and record
 * them failed with the reason
 * @param fail pending steps that fail without running, e.g. their condition could not be
 * evaluated
 * @param retry failed steps that get another attempt: back to pending, not before
 * {@code at}
 * @param skip steps that will never run, with why
 * @param awaitApproval ready gated steps: move them to waiting-approval and ask a person
 * @param start steps to start now (already limited by the workflow's parallelism), in
 * topological order
 * @param rollBack the next completed step to compensate, or {@code null}; rollbacks run
 * one at a time in reverse dependency order
 * @param outcome how the run ended, or {@code null} while it goes on
 * @param wakeAt the earliest time a decision could change without any step reporting (a
 * retry is due, a timeout expires), or {@code null}
 */
public record Moves(List<StepMove> timeOut, List<StepMove> fail, List<Retry> retry, List<StepMove> skip,
		List<String> awaitApproval, List<String> start, String rollBack, Outcome outcome, Instant wakeAt) {

	public Moves {
		timeOut = List.copyOf(timeOut);
		fail = List.copyOf(fail);
		retry = List.copyOf(retry);
		skip = List.copyOf(skip);
		awaitApproval = List.copyOf(awaitApproval);
		start = List.copyOf(start);
	}

	public boolean isFinished() {
		return this.outcome != null;
	}

	/**
	 * A step with the reason for what happens to it.
	 */
	public record StepMove(String stepId, String reason) {

		public StepMove {
			Objects.requireNonNull(stepId, "stepId");
			Objects.requireNonNull(reason, "reason");
		}

	}

	/**
	 * Another attempt for {@code stepId}, not before {@code at}.
	 */
	public record Retry(String stepId, Instant at) {

	}

	/**
	 * How a run ended.
	 */
	public enum Outcome {

		/** Every step completed or was skipped by its condition. */
		COMPLETED,
		/** A step failed; completed steps may have been rolled back. */
		FAILED,
		/** The workflow timeout expired before the run finished. */
		TIMED_OUT

	}

}
