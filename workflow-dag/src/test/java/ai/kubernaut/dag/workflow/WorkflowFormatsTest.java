package ai.kubernaut.dag.workflow;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowFormatsTest {

	private final WorkflowValidator validator = new WorkflowValidator(Fixtures.OOMKILL_ACTIONS,
			(expression) -> (variables) -> true);

	@Test
	void readsTheRecommendationJsonAsIs() {
		Workflow workflow = this.validator.read(Fixtures.load("oomkill-recommendations.json"));

		assertThat(workflow.dag().levels()).containsExactly(List.of("rec-001", "rec-002"), List.of("rec-003"),
				List.of("rec-004"), List.of("rec-005", "rec-006"), List.of("rec-007"));
		WorkflowStep restart = workflow.step("rec-004");
		assertThat(restart.requiresApproval()).isTrue();
		assertThat(restart.risk()).isEqualTo("medium");
		assertThat(restart.name()).isEqualTo("Rolling restart to clear leaked memory");
		assertThat(restart.parameters()).containsEntry("strategy", "rolling");
		assertThat(workflow.step("rec-006").parameters()).containsEntry("maxReplicas", 8);
		assertThat(workflow.steps()).filteredOn(WorkflowStep::requiresApproval).hasSize(1);
		assertThat(workflow.definition().metadata()).containsEntry("estimatedDuration", "4 minutes");
		assertThat(workflow.strategy()).isEqualTo(Strategy.defaults(7));
	}

	@Test
	void readsTheNumberedStepListOfAWorkflowExecution() {
		Workflow workflow = this.validator.read(Fixtures.load("oomkill-workflowexecution.yaml"));

		assertThat(workflow.dag().levels()).containsExactly(List.of("step-1", "step-2"), List.of("step-3"),
				List.of("step-4"), List.of("step-5", "step-6"), List.of("step-7"));
		assertThat(workflow.step("step-3").dependsOn()).containsExactly("step-1", "step-2");
		assertThat(workflow.step("step-1").timeout()).isEqualTo(Duration.ofMinutes(2));
		assertThat(workflow.step("step-3").timeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(workflow.step("step-4").requiresApproval()).isTrue();
		assertThat(workflow.step("step-4").name()).isEqualTo("Rolling Restart");
		assertThat(workflow.strategy().rollback()).isEqualTo(Strategy.RollbackMode.AUTOMATIC);
	}

	@Test
	void readsTheNativeFormatWithEveryField() {
		Workflow workflow = this.validator.read(Fixtures.load("oomkill-native.yaml"));

		assertThat(workflow.dag().levels()).containsExactly(List.of("collect-heap-dump", "backup-logs"),
				List.of("increase-memory"), List.of("rolling-restart"), List.of("enable-profiling", "cap-replicas"),
				List.of("file-bug-report"));
		assertThat(workflow.strategy()).isEqualTo(
				new Strategy(Strategy.Failure.FAIL_FAST, 3, Strategy.RollbackMode.AUTOMATIC, Duration.ofMinutes(20)));
		assertThat(workflow.step("backup-logs").retry()).isEqualTo(new RetryPolicy(3, Duration.ofSeconds(5), 2.0));
		assertThat(workflow.step("increase-memory").rollback().parameters()).containsEntry("memory",
				"${steps.increase-memory.previousMemory}");
		assertThat(workflow.step("rolling-restart").requiresApproval()).isTrue();
		assertThat(workflow.condition("file-bug-report")).isPresent();
		assertThat(workflow.condition("cap-replicas")).isEmpty();
	}

	@Test
	void allThreeFormatsOfTheSeedDescribeTheSameGraph() {
		List<Workflow> workflows = List.of(this.validator.read(Fixtures.load("oomkill-recommendations.json")),
				this.validator.read(Fixtures.load("oomkill-workflowexecution.yaml")),
				this.validator.read(Fixtures.load("oomkill-native.yaml")));

		assertThat(workflows).extracting((workflow) -> workflow.steps().stream().map(WorkflowStep::action).toList())
			.allSatisfy((actions) -> assertThat(actions).containsExactly("collect_diagnostics", "backup_data",
					"increase_resources", "restart_pod", "enable_debug_mode", "update_hpa", "notify_only"));
		assertThat(workflows)
			.extracting((workflow) -> workflow.dag()
				.levels()
				.stream()
				.map((level) -> level.stream().map(workflow::number).toList())
				.toList())
			.containsOnly(List.of(List.of(1, 2), List.of(3), List.of(4), List.of(5, 6), List.of(7)));
		assertThat(workflows)
			.allSatisfy((workflow) -> assertThat(workflow.steps()).extracting(WorkflowStep::requiresApproval)
				.containsExactly(false, false, false, true, false, false, false));
	}

	@Test
	void defaultsTheTimeoutByTheNumberOfSteps() {
		assertThat(Strategy.defaultTimeout(1)).isEqualTo(Duration.ofMinutes(10));
		assertThat(Strategy.defaultTimeout(3)).isEqualTo(Duration.ofMinutes(10));
		assertThat(Strategy.defaultTimeout(4)).isEqualTo(Duration.ofMinutes(20));
		assertThat(Strategy.defaultTimeout(10)).isEqualTo(Duration.ofMinutes(20));
		assertThat(Strategy.defaultTimeout(11)).isEqualTo(Duration.ofMinutes(45));
		Workflow small = this.validator.read(Map.of("steps", List.of(Map.of("id", "a", "action", "notify_only"))));
		assertThat(small.strategy())
			.isEqualTo(new Strategy(Strategy.Failure.FAIL_FAST, 3, Strategy.RollbackMode.NONE, Duration.ofMinutes(10)));
	}

	@Test
	void parsesDurationsAsAuthorsWriteThem() {
		assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
		assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
		assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
		assertThat(Durations.parse("PT2M")).isEqualTo(Duration.ofMinutes(2));
		assertThat(Durations.parse("0")).isZero();
		assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
	}

}
