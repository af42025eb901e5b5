package ai.kubernaut.dag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides the next moves of a run from nothing but the graph and the current status of
 * its steps.
 * <p>
 * Pure and thread-safe: it keeps no state between calls, starts no threads and reads no
 * clock, so the same statuses always give the same {@link Decision}. That is what lets a
 * run be driven by a loop in memory today and resumed from statuses persisted in a
 * database tomorrow.
 */
public final class DagScheduler {

	private final FailurePolicy failurePolicy;

	/**
	 * A scheduler with {@link FailurePolicy#FAIL_FAST}.
	 */
	public DagScheduler() {
		this(FailurePolicy.FAIL_FAST);
	}

	public DagScheduler(FailurePolicy failurePolicy) {
		this.failurePolicy = failurePolicy;
	}

	/**
	 * The next decision for {@code dag} given {@code state}.
	 * @param state status by step id; steps absent from the map are
	 * {@link StepStatus#PENDING}
	 * @throws IllegalArgumentException if {@code state} names a step the graph does not
	 * have
	 */
	public Decision decide(Dag dag, Map<String, StepStatus> state) {
		state.keySet().forEach(dag::step);
		Map<String, StepStatus> status = new HashMap<>();
		dag.steps().forEach((step) -> status.put(step.id(), state.getOrDefault(step.id(), StepStatus.PENDING)));
		Optional<String> firstFailure = dag.topologicalOrder()
			.stream()
			.map(StepSpec::id)
			.filter((id) -> status.get(id) == StepStatus.FAILED)
			.findFirst();
		boolean stopping = this.failurePolicy == FailurePolicy.FAIL_FAST && firstFailure.isPresent();

		List<StepSpec> start = new ArrayList<>();
		List<Decision.Skip> skip = new ArrayList<>();
		// Topological order lets a skip cascade down the graph within one decision.
		for (StepSpec step : dag.topologicalOrder()) {
			if (status.get(step.id()) != StepStatus.PENDING) {
				continue;
			}
			Optional<String> blocked = step.dependsOn()
				.stream()
				.filter((dependency) -> status.get(dependency) == StepStatus.FAILED
						|| status.get(dependency) == StepStatus.SKIPPED)
				.findFirst();
			if (blocked.isPresent()) {
				String dependency = blocked.get();
				skip.add(new Decision.Skip(step.id(),
						"dependency '" + dependency + "' " + status.get(dependency).name().toLowerCase()));
				status.put(step.id(), StepStatus.SKIPPED);
			}
			else if (stopping) {
				skip.add(
						new Decision.Skip(step.id(), "the run stopped after step '" + firstFailure.get() + "' failed"));
				status.put(step.id(), StepStatus.SKIPPED);
			}
			else if (step.dependsOn()
				.stream()
				.allMatch((dependency) -> status.get(dependency) == StepStatus.SUCCEEDED)) {
				start.add(step);
			}
		}
		boolean finished = start.isEmpty() && status.values().stream().allMatch(StepStatus::isTerminal);
		RunOutcome outcome = null;
		if (finished) {
			outcome = status.containsValue(StepStatus.FAILED) ? RunOutcome.FAILED : RunOutcome.SUCCEEDED;
		}
		return new Decision(start, skip, outcome);
	}

}
