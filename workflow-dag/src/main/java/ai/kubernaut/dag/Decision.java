package ai.kubernaut.dag;

import java.util.List;
import java.util.Objects;

/**
 * What to do next in a run, as {@link DagScheduler#decide} computed it from the graph and
 * the step statuses.
 *
 * @param start steps whose dependencies all succeeded, in topological order; start any
 * prefix of them (for example as many as free workers allow) and ask again later for the
 * rest
 * @param skip steps that will never run, with why, in topological order; a skip may
 * unblock nothing, but it can finish the run
 * @param outcome how the run ended, or {@code null} while steps are pending or running
 */
public record Decision(List<StepSpec> start, List<Skip> skip, RunOutcome outcome) {

	public Decision {
		start = List.copyOf(start);
		skip = List.copyOf(skip);
	}

	/**
	 * Whether every step is terminal once {@link #skip} is applied.
	 */
	public boolean isFinished() {
		return this.outcome != null;
	}

	/**
	 * A step that will never run.
	 *
	 * @param stepId the step
	 * @param reason e.g. {@code dependency 'drain' failed}
	 */
	public record Skip(String stepId, String reason) {

		public Skip {
			Objects.requireNonNull(stepId, "stepId");
			Objects.requireNonNull(reason, "reason");
		}

	}

}
