package ai.kubernaut.dag.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ai.kubernaut.dag.StepSpec;

/**
 * Decides the next {@link Moves} of a durable run from the workflow and its
 * {@link RunState}: which steps to start, skip, time out, retry or hold for approval,
 * which completed step to roll back, and whether the run is over.
 * <p>
 * Pure and thread-safe: no clock (the time is part of the state), no threads, no I/O. The
 * same state always gives the same moves, which is what lets any replica pick a run up
 * from the database and carry on.
 * <p>
 * Rules, in the order they apply:
 * <ol>
 * <li>A running step past the workflow deadline, or past its own timeout, is timed out
 * and counts as a failed attempt.</li>
 * <li>A failed step with attempts left is retried after its backoff, unless the run is
 * already stopping (fail-fast after a final failure, or the deadline passed).</li>
 * <li>A pending step is skipped when a dependency failed or was skipped, when the
 * deadline passed, or, with fail-fast, once any step failed for good; a ready step whose
 * {@code when} is false is skipped too.</li>
 * <li>A ready gated step that is not approved waits for approval; steps on other branches
 * go on.</li>
 * <li>Ready steps start, at most {@code parallelism} running at once.</li>
 * <li>When nothing is running or can start any more and the run failed or timed out, with
 * automatic rollback the completed compensable steps (explicit {@code rollback}, or an
 * output entry {@code rollback} the action recorded) are rolled back one at a time in
 * reverse dependency order; then the run ends.</li>
 * </ol>
 */
public final class WorkflowScheduler {

	private static final Set<StepPhase> ACTIVE = EnumSet.of(StepPhase.PENDING, StepPhase.RUNNING,
			StepPhase.WAITING_APPROVAL);

	private static final Set<StepPhase> BLOCKING = EnumSet.of(StepPhase.FAILED, StepPhase.SKIPPED, StepPhase.CANCELLED,
			StepPhase.ROLLED_BACK, StepPhase.ROLLBACK_FAILED);

	public Moves decide(Workflow workflow, RunState state) {
		state.steps().keySet().forEach(workflow::step);
		Instant now = state.now();
		Strategy strategy = workflow.strategy();
		Instant deadline = state.startedAt().plus(strategy.timeout());
		boolean pastDeadline = !now.isBefore(deadline);
		Map<String, StepState> status = new LinkedHashMap<>();
		workflow.steps().forEach((step) -> status.put(step.id(), state.step(step.id())));

		List<Moves.StepMove> timeOut = new ArrayList<>();
		List<Moves.StepMove> fail = new ArrayList<>();
		List<Moves.Retry> retry = new ArrayList<>();
		List<Moves.StepMove> skip = new ArrayList<>();
		List<String> awaitApproval = new ArrayList<>();
		List<String> start = new ArrayList<>();
		List<Instant> wakeUps = new ArrayList<>();

		Map<String, Instant> failedAt = new HashMap<>();
		for (WorkflowStep step : workflow.steps()) {
			StepState current = status.get(step.id());
			if (current.phase() != StepPhase.RUNNING) {
				continue;
			}
			if (pastDeadline) {
				timeOut.add(new Moves.StepMove(step.id(),
						"the workflow timed out after " + Durations.format(strategy.timeout())));
			}
			else if (step.timeout() != null && current.startedAt() != null
					&& !now.isBefore(current.startedAt().plus(step.timeout()))) {
				timeOut.add(new Moves.StepMove(step.id(), "timed out after " + Durations.format(step.timeout())));
			}
			else {
				if (step.timeout() != null && current.startedAt() != null) {
					wakeUps.add(current.startedAt().plus(step.timeout()));
				}
				continue;
			}
			status.put(step.id(), current.withPhase(StepPhase.FAILED));
			failedAt.put(step.id(), now);
		}

		// A failure is final when no attempt is left, or when the run cannot go on
		// anyway.
		List<String> retryable = new ArrayList<>();
		String finalFailure = null;
		for (StepSpec spec : workflow.dag().topologicalOrder()) {
			StepState current = status.get(spec.id());
			if (current.phase() != StepPhase.FAILED) {
				continue;
			}
			boolean attemptsLeft = workflow.step(spec.id()).retry().allowsAnotherAfter(current.attempts());
			if (attemptsLeft && !pastDeadline) {
				retryable.add(spec.id());
			}
			else if (finalFailure == null) {
				finalFailure = spec.id();
			}
		}
		boolean failFast = strategy.failure() == Strategy.Failure.FAIL_FAST;
		if (failFast && finalFailure != null) {
			retryable.clear();
		}
		for (String stepId : retryable) {
			StepState current = status.get(stepId);
			Instant failed = failedAt.getOrDefault(stepId, (current.finishedAt() != null) ? current.finishedAt() : now);
			Instant at = failed.plus(workflow.step(stepId).retry().delayAfter(current.attempts()));
			retry.add(new Moves.Retry(stepId, at));
			status.put(stepId, new StepState(StepPhase.PENDING, current.attempts(), current.startedAt(),
					current.finishedAt(), at, current.approved(), Map.of(), current.error()));
		}

		long running = status.values().stream().filter((s) -> s.phase() == StepPhase.RUNNING).count();
		Map<String, Object> variables = null;
		for (StepSpec spec : workflow.dag().topologicalOrder()) {
			String id = spec.id();
			StepState current = status.get(id);
			if (current.phase() != StepPhase.PENDING && current.phase() != StepPhase.WAITING_APPROVAL) {
				continue;
			}
			Optional<String> blocked = spec.dependsOn()
				.stream()
				.filter((dependency) -> BLOCKING.contains(status.get(dependency).phase()))
				.findFirst();
			String skipReason = null;
			if (blocked.isPresent()) {
				skipReason = "dependency '" + blocked.get() + "' " + status.get(blocked.get()).phase().text();
			}
			else if (pastDeadline) {
				skipReason = "the workflow timed out after " + Durations.format(strategy.timeout());
			}
			else if (failFast && finalFailure != null) {
				skipReason = "the run stopped after step '" + finalFailure + "' failed";
			}
			if (skipReason != null) {
				skip.add(new Moves.StepMove(id, skipReason));
				status.put(id, current.withPhase(StepPhase.SKIPPED));
				continue;
			}
			if (current.phase() == StepPhase.WAITING_APPROVAL
					|| !spec.dependsOn().stream().allMatch((d) -> status.get(d).phase() == StepPhase.COMPLETED)) {
				continue;
			}
			if (current.notBefore() != null && now.isBefore(current.notBefore())) {
				wakeUps.add(current.notBefore());
				continue;
			}
			WorkflowStep step = workflow.step(id);
			Optional<ConditionCompiler.Condition> condition = workflow.condition(id);
			if (condition.isPresent()) {
				if (variables == null) {
					variables = variables(state, status);
				}
				boolean holds;
				try {
					holds = condition.get().test(variables);
				}
				catch (RuntimeException ex) {
					fail.add(new Moves.StepMove(id,
							"its condition '" + step.when() + "' could not be evaluated: " + ex.getMessage()));
					status.put(id, current.withPhase(StepPhase.FAILED));
					continue;
				}
				if (!holds) {
					skip.add(new Moves.StepMove(id, "its condition '" + step.when() + "' is false"));
					status.put(id, current.withPhase(StepPhase.SKIPPED));
					continue;
				}
			}
			if (step.requiresApproval() && !current.approved()) {
				awaitApproval.add(id);
				status.put(id, current.withPhase(StepPhase.WAITING_APPROVAL));
				continue;
			}
			if (running + start.size() < strategy.parallelism()) {
				start.add(id);
				status.put(id, current.withPhase(StepPhase.RUNNING));
				if (step.timeout() != null) {
					wakeUps.add(now.plus(step.timeout()));
				}
			}
		}

		boolean active = status.values().stream().anyMatch((s) -> ACTIVE.contains(s.phase()));
		if (active) {
			if (status.values().stream().anyMatch((s) -> s.phase() != StepPhase.COMPLETED)) {
				wakeUps.add(deadline);
			}
			Instant wakeAt = wakeUps.stream().min(Instant::compareTo).orElse(null);
			return new Moves(timeOut, fail, retry, skip, awaitApproval, start, null, null, wakeAt);
		}
		Moves.Outcome outcome = outcome(status, pastDeadline);
		String rollBack = null;
		if (outcome != Moves.Outcome.COMPLETED && strategy.rollback() == Strategy.RollbackMode.AUTOMATIC) {
			rollBack = workflow.dag()
				.topologicalOrder()
				.reversed()
				.stream()
				.map(StepSpec::id)
				.filter((id) -> status.get(id).phase() == StepPhase.COMPLETED)
				.filter((id) -> workflow.step(id).rollback() != null
						|| status.get(id).output().get("rollback") instanceof Map<?, ?>)
				.findFirst()
				.orElse(null);
		}
		return new Moves(timeOut, fail, retry, skip, awaitApproval, start, rollBack,
				(rollBack != null) ? null : outcome, null);
	}

	private static Moves.Outcome outcome(Map<String, StepState> status, boolean pastDeadline) {
		boolean failed = status.values()
			.stream()
			.anyMatch((s) -> s.phase() == StepPhase.FAILED || s.phase() == StepPhase.ROLLED_BACK
					|| s.phase() == StepPhase.ROLLBACK_FAILED);
		boolean incomplete = status.values()
			.stream()
			.anyMatch((s) -> s.phase() == StepPhase.SKIPPED || s.phase() == StepPhase.CANCELLED);
		if (failed) {
			return pastDeadline ? Moves.Outcome.TIMED_OUT : Moves.Outcome.FAILED;
		}
		// A run that skipped steps and ended past its deadline ended because of it.
		return (pastDeadline && incomplete) ? Moves.Outcome.TIMED_OUT : Moves.Outcome.COMPLETED;
	}

	private static Map<String, Object> variables(RunState state, Map<String, StepState> status) {
		Map<String, Object> steps = new LinkedHashMap<>();
		status.forEach((id, s) -> steps.put(id, Map.of("phase", s.phase().text(), "output", s.output())));
		return Map.of("params", state.parameters(), "target", state.target(), "steps", steps);
	}

}
