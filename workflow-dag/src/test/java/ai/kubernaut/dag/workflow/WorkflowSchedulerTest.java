package ai.kubernaut.dag.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static ai.kubernaut.dag.workflow.StepPhase.COMPLETED;
import static ai.kubernaut.dag.workflow.StepPhase.FAILED;
import static ai.kubernaut.dag.workflow.StepPhase.ROLLED_BACK;
import static ai.kubernaut.dag.workflow.StepPhase.SKIPPED;
import static ai.kubernaut.dag.workflow.StepPhase.WAITING_APPROVAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WorkflowSchedulerTest {

	private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

	private final WorkflowScheduler scheduler = new WorkflowScheduler();

	private final WorkflowValidator validator = new WorkflowValidator(ActionCatalog.any(), Fixtures.CONDITIONS);

	/** drain → (restart ‖ scale) → verify, plus an independent audit step. */
	private final Workflow diamond = workflow(Strategy.defaults(5), WorkflowStep.of("drain", "a", Map.of()),
			WorkflowStep.of("restart", "a", Map.of(), "drain"), WorkflowStep.of("scale", "a", Map.of(), "drain"),
			WorkflowStep.of("verify", "a", Map.of(), "restart", "scale"), WorkflowStep.of("audit", "a", Map.of()));

	@Nested
	class Ordering {

		@Test
		void startsEveryStepWithoutDependenciesFirst() {
			Moves moves = decide(WorkflowSchedulerTest.this.diamond, Map.of());

			assertThat(moves.start()).containsExactly("drain", "audit");
			assertThat(moves.isFinished()).isFalse();
		}

		@Test
		void aDiamondJoinsOnlyOnceBothBranchesCompleted() {
			Map<String, StepState> halfway = states("drain", COMPLETED, "restart", COMPLETED, "audit", COMPLETED);
			halfway.put("scale", StepState.running(1, T0));

			assertThat(decide(WorkflowSchedulerTest.this.diamond, halfway).start()).isEmpty();
			assertThat(decide(WorkflowSchedulerTest.this.diamond,
					states("drain", COMPLETED, "restart", COMPLETED, "scale", COMPLETED, "audit", COMPLETED))
				.start()).containsExactly("verify");
		}

		@Test
		void fansOutToEveryDependentAndFansInAfterAll() {
			Workflow fan = workflow(Strategy.defaults(5), WorkflowStep.of("root", "a", Map.of()),
					WorkflowStep.of("x", "a", Map.of(), "root"), WorkflowStep.of("y", "a", Map.of(), "root"),
					WorkflowStep.of("z", "a", Map.of(), "root"), WorkflowStep.of("join", "a", Map.of(), "x", "y", "z"));

			assertThat(decide(fan, states("root", COMPLETED)).start()).containsExactly("x", "y", "z");
			assertThat(decide(fan, states("root", COMPLETED, "x", COMPLETED, "y", COMPLETED)).start())
				.containsExactly("z");
			assertThat(decide(fan, states("root", COMPLETED, "x", COMPLETED, "y", COMPLETED, "z", COMPLETED)).start())
				.containsExactly("join");
		}

		@Test
		void neverRunsMoreStepsAtOnceThanTheParallelism() {
			Workflow wide = workflow(
					new Strategy(Strategy.Failure.FAIL_FAST, 2, Strategy.RollbackMode.NONE, Duration.ofMinutes(10)),
					WorkflowStep.of("a", "a", Map.of()), WorkflowStep.of("b", "a", Map.of()),
					WorkflowStep.of("c", "a", Map.of()), WorkflowStep.of("d", "a", Map.of()));
			Map<String, StepState> oneRunning = new HashMap<>();
			oneRunning.put("a", StepState.running(1, T0));

			assertThat(decide(wide, Map.of()).start()).containsExactly("a", "b");
			assertThat(decide(wide, oneRunning).start()).containsExactly("b");
		}

		@Test
		void finishesCompletedOnceEveryStepCompleted() {
			Moves moves = decide(WorkflowSchedulerTest.this.diamond, states("drain", COMPLETED, "restart", COMPLETED,
					"scale", COMPLETED, "verify", COMPLETED, "audit", COMPLETED));

			assertThat(moves.outcome()).isEqualTo(Moves.Outcome.COMPLETED);
			assertThat(moves.wakeAt()).isNull();
		}

		@Test
		void rejectsAStateForAStepTheWorkflowDoesNotHave() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> decide(WorkflowSchedulerTest.this.diamond, states("ghost", COMPLETED)));
		}

	}

	@Nested
	class Skipping {

		@Test
		void failFastSkipsEveryPendingStepAfterAFailureButLetsRunningOnesFinish() {
			Map<String, StepState> state = states("drain", COMPLETED, "restart", FAILED);
			state.put("scale", StepState.running(1, T0));

			Moves moves = decide(WorkflowSchedulerTest.this.diamond, state);

			assertThat(moves.skip()).containsExactly(new Moves.StepMove("verify", "dependency 'restart' failed"),
					new Moves.StepMove("audit", "the run stopped after step 'restart' failed"));
			assertThat(moves.start()).isEmpty();
			assertThat(moves.isFinished()).isFalse();
		}

		@Test
		void skipsTheDependentsOfAFailedParent() {
			Moves moves = decide(WorkflowSchedulerTest.this.diamond, states("drain", FAILED, "audit", COMPLETED));

			assertThat(moves.skip()).containsExactly(new Moves.StepMove("restart", "dependency 'drain' failed"),
					new Moves.StepMove("scale", "dependency 'drain' failed"),
					new Moves.StepMove("verify", "dependency 'restart' skipped"));
			assertThat(moves.outcome()).isEqualTo(Moves.Outcome.FAILED);
		}

		@Test
		void skipsTheDependentsOfASkippedParent() {
			Moves moves = decide(WorkflowSchedulerTest.this.diamond,
					states("drain", COMPLETED, "restart", SKIPPED, "scale", COMPLETED, "audit", COMPLETED));

			assertThat(moves.skip()).containsExactly(new Moves.StepMove("verify", "dependency 'restart' skipped"));
			assertThat(moves.outcome()).isEqualTo(Moves.Outcome.COMPLETED);
		}

		@Test
		void skipsAStepWhoseConditionIsFalseAndRunsItWhenTrue() {
			Workflow conditional = workflow(Strategy.defaults(2), WorkflowStep.of("scale", "a", Map.of()),
					WorkflowStep.of("page", "a", Map.of(), "scale").withWhen("params.ENV == 'production'"));

			Moves staging = decide(conditional, states("scale", COMPLETED), Map.of("ENV", "staging"));
			Moves production = decide(conditional, states("scale", COMPLETED), Map.of("ENV", "production"));

			assertThat(staging.skip())
				.containsExactly(new Moves.StepMove("page", "its condition 'params.ENV == 'production'' is false"));
			assertThat(staging.outcome()).isEqualTo(Moves.Outcome.COMPLETED);
			assertThat(production.start()).containsExactly("page");
		}

		@Test
		void failsAStepWhoseConditionCannotBeEvaluated() {
			Workflow conditional = workflow(Strategy.defaults(1),
					WorkflowStep.of("page", "a", Map.of()).withWhen("params.ENV == 'production'"));

			Moves moves = decide(conditional, Map.of());

			assertThat(moves.fail()).extracting(Moves.StepMove::stepId).containsExactly("page");
			assertThat(moves.fail().get(0).reason()).contains("no such key: ENV");
			assertThat(moves.outcome()).isEqualTo(Moves.Outcome.FAILED);
		}

	}

	@Nested
	class ContinueOnError {

		private final Workflow workflow = workflow(
				new Strategy(Strategy.Failure.CONTINUE_ON_ERROR, 3, Strategy.RollbackMode.NONE, Duration.ofMinutes(10)),
				WorkflowStep.of("drain", "a", Map.of()), WorkflowStep.of("restart", "a", Map.of(), "drain"),
				WorkflowStep.of("audit", "a", Map.of()), WorkflowStep.of("report", "a", Map.of(), "audit"));

		@Test
		void independentBranchesGoOnAfterAFailure() {
			Moves moves = decide(this.workflow, states("drain", FAILED, "audit", COMPLETED));

			assertThat(moves.skip()).containsExactly(new Moves.StepMove("restart", "dependency 'drain' failed"));
			assertThat(moves.start()).containsExactly("report");
			assertThat(moves.isFinished()).isFalse();
		}

		@Test
		void theRunStillEndsFailed() {
			Moves moves = decide(this.workflow,
					states("drain", FAILED, "restart", SKIPPED, "audit", COMPLETED, "report", COMPLETED));

			assertThat(moves.outcome()).isEqualTo(Moves.Outcome.FAILED);
		}

	}

	@Nested
	class Timeouts {

		private final Workflow workflow = workflow(
				new Strategy(Strategy.Failure.FAIL_FAST, 3, Strategy.RollbackMode.NONE, Duration.ofMinutes(10)),
				WorkflowStep.of("restart", "a", Map.of()).withTimeout(Duration.ofSeconds(30)),
				WorkflowStep.of("verify", "a", Map.of(), "restart"));

		@Test
		void asksToBeWokenWhenAStepItStartsWouldTimeOut() {
			Moves moves = decide(this.workflow, Map.of(), T0.plusSeconds(1));

			assertThat(moves.start()).containsExactly("restart");
			assertThat(moves.wakeAt()).isEqualTo(T0.plusSeconds(31));
		}

		@Test
		void timesOutARunningStepPastItsTimeout() {
			Map<String, StepState> state = Map.of("restart", StepState.running(1, T0));

			Moves before = decide(this.workflow, state, T0.plusSeconds(29));
			Moves after = decide(this.workflow, state, T0.plusSeconds(30));

			assertThat(before.timeOut()).isEmpty();
			assertThat(before.wakeAt()).isEqualTo(T0.plusSeconds(30));
			assertThat(after.timeOut()).containsExactly(new Moves.StepMove("restart", "timed out after 30s"));
			assertThat(after.skip()).containsExactly(new Moves.StepMove("verify", "dependency 'restart' failed"));
			assertThat(after.outcome()).isEqualTo(Moves.Outcome.FAILED);
		}

		@Test
		void timesOutTheWholeRunAtItsDeadline() {
			Workflow slow = workflow(
					new Strategy(Strategy.Failure.FAIL_FAST, 3, Strategy.RollbackMode.NONE, Duration.ofMinutes(10)),
					WorkflowStep.of("restart", "a", Map.of()), WorkflowStep.of("verify", "a", Map.of(), "restart"),
					WorkflowStep.of("audit", "a", Map.of()));
			Map<String, StepState> state = new HashMap<>(states("audit", WAITING_APPROVAL));
			state.put("restart", StepState.running(1, T0));

			Moves before = decide(slow, state, T0.plus(Duration.ofMinutes(9)));
			Moves after = decide(slow, state, T0.plus(Duration.ofMinutes(10)));

			assertThat(before.wakeAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
			assertThat(after.timeOut())
				.containsExactly(new Moves.StepMove("restart", "the workflow timed out after 10m"));
			assertThat(after.skip()).extracting(Moves.StepMove::stepId).containsExactly("verify", "audit");
			assertThat(after.outcome()).isEqualTo(Moves.Outcome.TIMED_OUT);
		}

	}

	@Nested
	class Retries {

		private final Workflow workflow = workflow(Strategy.defaults(2),
				WorkflowStep.of("scale", "a", Map.of())
					.withRetry(new RetryPolicy(3, Duration.ofSeconds(5), 2.0))
					.withTimeout(Duration.ofSeconds(30)),
				WorkflowStep.of("verify", "a", Map.of(), "scale"));

		@Test
		void retriesAFailedStepAfterAnExponentialBackoff() {
			Moves first = decide(this.workflow, Map.of("scale", StepState.failed(1, T0, "boom")), T0);
			Moves second = decide(this.workflow, Map.of("scale", StepState.failed(2, T0, "boom")), T0);

			assertThat(first.retry()).containsExactly(new Moves.Retry("scale", T0.plusSeconds(5)));
			assertThat(second.retry()).containsExactly(new Moves.Retry("scale", T0.plusSeconds(10)));
			assertThat(first.skip()).isEmpty();
			assertThat(first.wakeAt()).isEqualTo(T0.plusSeconds(5));
		}

		@Test
		void startsTheRetryOnlyOnceItsTimeHasCome() {
			StepState waiting = new StepState(StepPhase.PENDING, 1, T0, T0, T0.plusSeconds(5), false, null, "boom");

			assertThat(decide(this.workflow, Map.of("scale", waiting), T0.plusSeconds(4)).start()).isEmpty();
			assertThat(decide(this.workflow, Map.of("scale", waiting), T0.plusSeconds(5)).start())
				.containsExactly("scale");
		}

		@Test
		void aTimedOutAttemptIsRetriedToo() {
			Moves moves = decide(this.workflow, Map.of("scale", StepState.running(1, T0)), T0.plusSeconds(30));

			assertThat(moves.timeOut()).extracting(Moves.StepMove::stepId).containsExactly("scale");
			assertThat(moves.retry()).containsExactly(new Moves.Retry("scale", T0.plusSeconds(35)));
		}

		@Test
		void failsForGoodOnceTheAttemptsAreUsedUp() {
			Moves moves = decide(this.workflow, Map.of("scale", StepState.failed(3, T0, "boom")), T0);

			assertThat(moves.retry()).isEmpty();
			assertThat(moves.skip()).containsExactly(new Moves.StepMove("verify", "dependency 'scale' failed"));
			assertThat(moves.outcome()).isEqualTo(Moves.Outcome.FAILED);
		}

		@Test
		void failFastRetriesNothingOnceAnotherStepFailedForGood() {
			Workflow two = workflow(Strategy.defaults(2),
					WorkflowStep.of("a", "a", Map.of()).withRetry(new RetryPolicy(3, Duration.ofSeconds(5), 2.0)),
					WorkflowStep.of("b", "a", Map.of()));

			Moves moves = decide(two, Map.of("a", StepState.failed(1, T0, "x"), "b", StepState.failed(1, T0, "y")));

			assertThat(moves.retry()).isEmpty();
			assertThat(moves.outcome()).isEqualTo(Moves.Outcome.FAILED);
		}

	}

	@Nested
	class Approval {

		private final Workflow workflow = workflow(Strategy.defaults(4), WorkflowStep.of("resize", "a", Map.of()),
				WorkflowStep.of("restart", "a", Map.of(), "resize").withApproval(),
				WorkflowStep.of("verify", "a", Map.of(), "restart"), WorkflowStep.of("report", "a", Map.of()));

		@Test
		void holdsAGatedStepForApprovalWhileOtherBranchesRun() {
			Moves moves = decide(this.workflow, states("resize", COMPLETED));

			assertThat(moves.awaitApproval()).containsExactly("restart");
			assertThat(moves.start()).containsExactly("report");
		}

		@Test
		void nothingStartsBehindAWaitingStep() {
			Moves moves = decide(this.workflow,
					states("resize", COMPLETED, "restart", WAITING_APPROVAL, "report", COMPLETED));

			assertThat(moves.start()).isEmpty();
			assertThat(moves.awaitApproval()).isEmpty();
			assertThat(moves.isFinished()).isFalse();
		}

		@Test
		void startsTheGatedStepOnceApproved() {
			Map<String, StepState> state = new HashMap<>(states("resize", COMPLETED, "report", COMPLETED));
			state.put("restart", StepState.of(WAITING_APPROVAL).approve());

			assertThat(decide(this.workflow, state).start()).containsExactly("restart");
		}

	}

	@Nested
	class Rollback {

		private final Workflow workflow = workflow(
				new Strategy(Strategy.Failure.FAIL_FAST, 3, Strategy.RollbackMode.AUTOMATIC, Duration.ofMinutes(10)),
				WorkflowStep.of("resize", "a", Map.of())
					.withRollback(new ai.kubernaut.dag.workflow.Rollback("resize", Map.of())),
				WorkflowStep.of("note", "a", Map.of(), "resize"), WorkflowStep.of("scale", "a", Map.of(), "resize"),
				WorkflowStep.of("restart", "a", Map.of(), "scale", "note"));

		private final Map<String, Object> recordedRollback = Map.of("rollback",
				Map.of("action", "scale_deployment", "parameters", Map.of("replicas", 2)));

		@Test
		void rollsBackCompletedStepsInReverseDependencyOrderOneAtATime() {
			Map<String, StepState> failed = new HashMap<>(states("resize", COMPLETED, "note", COMPLETED));
			failed.put("scale", StepState.completed(this.recordedRollback));
			failed.put("restart", StepState.failed(1, T0, "boom"));

			Moves first = decide(this.workflow, failed);
			failed.put("scale", failed.get("scale").withPhase(ROLLED_BACK));
			Moves second = decide(this.workflow, failed);
			failed.put("resize", failed.get("resize").withPhase(ROLLED_BACK));
			Moves last = decide(this.workflow, failed);

			assertThat(first.rollBack()).isEqualTo("scale");
			assertThat(first.isFinished()).isFalse();
			assertThat(second.rollBack()).isEqualTo("resize");
			assertThat(last.rollBack()).isNull();
			assertThat(last.outcome()).isEqualTo(Moves.Outcome.FAILED);
		}

		@Test
		void waitsForRunningStepsBeforeRollingBack() {
			Map<String, StepState> state = new HashMap<>(states("resize", COMPLETED, "note", FAILED));
			state.put("scale", StepState.running(1, T0));

			Moves moves = decide(this.workflow, state);

			assertThat(moves.rollBack()).isNull();
			assertThat(moves.isFinished()).isFalse();
		}

		@Test
		void rollsNothingBackWithoutAutomaticRollback() {
			Workflow manual = workflow(
					new Strategy(Strategy.Failure.FAIL_FAST, 3, Strategy.RollbackMode.MANUAL, Duration.ofMinutes(10)),
					WorkflowStep.of("resize", "a", Map.of())
						.withRollback(new ai.kubernaut.dag.workflow.Rollback("resize", Map.of())),
					WorkflowStep.of("restart", "a", Map.of(), "resize"));

			Moves moves = decide(manual, states("resize", COMPLETED, "restart", FAILED));

			assertThat(moves.rollBack()).isNull();
			assertThat(moves.outcome()).isEqualTo(Moves.Outcome.FAILED);
		}

		@Test
		void neverRollsBackASuccessfulRun() {
			Moves moves = decide(this.workflow,
					states("resize", COMPLETED, "note", COMPLETED, "scale", COMPLETED, "restart", COMPLETED));

			assertThat(moves.rollBack()).isNull();
			assertThat(moves.outcome()).isEqualTo(Moves.Outcome.COMPLETED);
		}

	}

	private Workflow workflow(Strategy strategy, WorkflowStep... steps) {
		return this.validator.validate(WorkflowDefinition.of("test", List.of(steps)).withStrategy(strategy));
	}

	private Moves decide(Workflow workflow, Map<String, StepState> steps) {
		return decide(workflow, steps, T0.plusSeconds(1));
	}

	private Moves decide(Workflow workflow, Map<String, StepState> steps, Instant now) {
		return this.scheduler.decide(workflow, new RunState(T0, now, steps, Map.of(), Map.of()));
	}

	private Moves decide(Workflow workflow, Map<String, StepState> steps, Map<String, Object> parameters) {
		return this.scheduler.decide(workflow, new RunState(T0, T0.plusSeconds(1), steps, parameters, Map.of()));
	}

	private static Map<String, StepState> states(Object... idsAndPhases) {
		Map<String, StepState> states = new HashMap<>();
		for (int i = 0; i < idsAndPhases.length; i += 2) {
			StepPhase phase = (StepPhase) idsAndPhases[i + 1];
			states.put((String) idsAndPhases[i],
					(phase == FAILED) ? StepState.failed(1, T0, "boom") : StepState.of(phase));
		}
		return states;
	}

}
