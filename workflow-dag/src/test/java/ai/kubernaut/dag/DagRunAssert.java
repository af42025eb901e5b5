package ai.kubernaut.dag;

import java.util.Arrays;
import java.util.List;

import org.assertj.core.api.AbstractAssert;

/**
 * Assertions that read like the run they check:
 * {@code assertThat(run).succeeded().executedInOrder("drain", "restart").skipped("notify")}.
 */
final class DagRunAssert extends AbstractAssert<DagRunAssert, DagRun> {

	private DagRunAssert(DagRun run) {
		super(run, DagRunAssert.class);
	}

	static DagRunAssert assertThat(DagRun run) {
		return new DagRunAssert(run);
	}

	DagRunAssert succeeded() {
		isNotNull();
		if (this.actual.outcome() != RunOutcome.SUCCEEDED) {
			failWithMessage("Expected the run to succeed but it %s; timeline: %s", this.actual.outcome(), timeline());
		}
		return this;
	}

	DagRunAssert failed() {
		isNotNull();
		if (this.actual.outcome() != RunOutcome.FAILED) {
			failWithMessage("Expected the run to fail but it %s; timeline: %s", this.actual.outcome(), timeline());
		}
		return this;
	}

	/**
	 * Each step finished before the next one started.
	 */
	DagRunAssert executedInOrder(String... stepIds) {
		executed(stepIds);
		for (int i = 1; i < stepIds.length; i++) {
			int finished = indexOf(stepIds[i - 1], StepStatus.SUCCEEDED, StepStatus.FAILED);
			int started = indexOf(stepIds[i], StepStatus.RUNNING);
			if (finished < 0 || finished > started) {
				failWithMessage("Expected step '%s' to finish before '%s' started; timeline: %s", stepIds[i - 1],
						stepIds[i], timeline());
			}
		}
		return this;
	}

	/**
	 * Each step started at least once.
	 */
	DagRunAssert executed(String... stepIds) {
		isNotNull();
		for (String stepId : stepIds) {
			if (indexOf(stepId, StepStatus.RUNNING) < 0) {
				failWithMessage("Expected step '%s' to run but it did not; timeline: %s", stepId, timeline());
			}
		}
		return this;
	}

	/**
	 * Each step ended {@code SKIPPED} without ever starting.
	 */
	DagRunAssert skipped(String... stepIds) {
		isNotNull();
		for (String stepId : stepIds) {
			if (indexOf(stepId, StepStatus.RUNNING) >= 0 || this.actual.status(stepId) != StepStatus.SKIPPED) {
				failWithMessage("Expected step '%s' to be skipped but it was %s; timeline: %s", stepId,
						this.actual.status(stepId), timeline());
			}
		}
		return this;
	}

	DagRunAssert stepFailedWith(String stepId, String messagePart) {
		isNotNull();
		if (this.actual.status(stepId) != StepStatus.FAILED || this.actual.message(stepId) == null
				|| !this.actual.message(stepId).contains(messagePart)) {
			failWithMessage("Expected step '%s' to fail with a message containing '%s' but it was %s (%s)", stepId,
					messagePart, this.actual.status(stepId), this.actual.message(stepId));
		}
		return this;
	}

	/**
	 * Both steps were running at the same moment: each started before the other finished.
	 */
	DagRunAssert ranConcurrently(String first, String second) {
		executed(first, second);
		boolean overlap = indexOf(first, StepStatus.RUNNING) < indexOf(second, StepStatus.SUCCEEDED, StepStatus.FAILED)
				&& indexOf(second, StepStatus.RUNNING) < indexOf(first, StepStatus.SUCCEEDED, StepStatus.FAILED);
		if (!overlap) {
			failWithMessage("Expected steps '%s' and '%s' to run concurrently; timeline: %s", first, second,
					timeline());
		}
		return this;
	}

	private int indexOf(String stepId, StepStatus... statuses) {
		List<StepStatus> wanted = Arrays.asList(statuses);
		List<StepEvent> timeline = this.actual.timeline();
		for (int i = 0; i < timeline.size(); i++) {
			if (timeline.get(i).stepId().equals(stepId) && wanted.contains(timeline.get(i).status())) {
				return i;
			}
		}
		return -1;
	}

	private List<String> timeline() {
		return this.actual.timeline().stream().map((event) -> event.stepId() + ":" + event.status()).toList();
	}

}
