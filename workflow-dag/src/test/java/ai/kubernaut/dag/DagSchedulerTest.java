package ai.kubernaut.dag;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static ai.kubernaut.dag.StepStatus.FAILED;
import static ai.kubernaut.dag.StepStatus.RUNNING;
import static ai.kubernaut.dag.StepStatus.SKIPPED;
import static ai.kubernaut.dag.StepStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DagSchedulerTest {

	private final DagScheduler scheduler = new DagScheduler();

	/** drain → (restart, scale) → verify, plus an independent audit step. */
	private final Dag diamond = Dag.builder()
		.step("drain", "drain_node")
		.step("restart", "restart_deployment", "drain")
		.step("scale", "scale_deployment", "drain")
		.step("verify", "verify_health", "restart", "scale")
		.step("audit", "record_audit")
		.build();

	@Test
	void startsEveryStepWithoutDependenciesFirst() {
		Decision decision = this.scheduler.decide(this.diamond, Map.of());

		assertThat(decision.start()).extracting(StepSpec::id).containsExactly("drain", "audit");
		assertThat(decision.skip()).isEmpty();
		assertThat(decision.isFinished()).isFalse();
	}

	@Test
	void startsAJoinOnlyOnceAllItsDependenciesSucceeded() {
		Decision halfway = this.scheduler.decide(this.diamond,
				Map.of("drain", SUCCEEDED, "restart", SUCCEEDED, "scale", RUNNING, "audit", SUCCEEDED));
		Decision joined = this.scheduler.decide(this.diamond,
				Map.of("drain", SUCCEEDED, "restart", SUCCEEDED, "scale", SUCCEEDED, "audit", SUCCEEDED));

		assertThat(halfway.start()).isEmpty();
		assertThat(joined.start()).extracting(StepSpec::id).containsExactly("verify");
	}

	@Test
	void neverStartsARunningOrFinishedStepAgain() {
		Decision decision = this.scheduler.decide(this.diamond, Map.of("drain", SUCCEEDED, "restart", RUNNING));

		assertThat(decision.start()).extracting(StepSpec::id).containsExactly("scale", "audit");
	}

	@Test
	void skipsEveryDependentOfAFailedStepInOneDecision() {
		Decision decision = this.scheduler.decide(this.diamond, Map.of("drain", FAILED, "audit", SUCCEEDED));

		assertThat(decision.start()).isEmpty();
		assertThat(decision.skip()).containsExactly(new Decision.Skip("restart", "dependency 'drain' failed"),
				new Decision.Skip("scale", "dependency 'drain' failed"),
				new Decision.Skip("verify", "dependency 'restart' skipped"));
		assertThat(decision.outcome()).isEqualTo(RunOutcome.FAILED);
	}

	@Test
	void failingFastSkipsUnrelatedPendingStepsButWaitsForRunningOnes() {
		Decision decision = this.scheduler.decide(this.diamond,
				Map.of("drain", SUCCEEDED, "restart", FAILED, "scale", RUNNING));

		assertThat(decision.start()).isEmpty();
		assertThat(decision.skip()).containsExactly(new Decision.Skip("verify", "dependency 'restart' failed"),
				new Decision.Skip("audit", "the run stopped after step 'restart' failed"));
		assertThat(decision.isFinished()).as("scale is still running").isFalse();
	}

	@Test
	void continuingAfterAFailureKeepsUnrelatedBranchesGoing() {
		Decision decision = new DagScheduler(FailurePolicy.CONTINUE_INDEPENDENT).decide(this.diamond,
				Map.of("drain", SUCCEEDED, "restart", FAILED));

		assertThat(decision.start()).extracting(StepSpec::id).containsExactly("scale", "audit");
		assertThat(decision.skip()).extracting(Decision.Skip::stepId).containsExactly("verify");
	}

	@Test
	void finishesAsSucceededWhenNoStepFailed() {
		Dag dag = Dag.builder().step("scale", "scale_deployment").step("notify", "notify", "scale").build();

		assertThat(this.scheduler.decide(dag, Map.of("scale", SUCCEEDED, "notify", SKIPPED)))
			.isEqualTo(new Decision(List.of(), List.of(), RunOutcome.SUCCEEDED));
	}

	@Test
	void rejectsTheStatusOfAStepTheGraphDoesNotHave() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.scheduler.decide(this.diamond, Map.of("ghost", RUNNING)))
			.withMessageContaining("No step 'ghost'");
	}

}
