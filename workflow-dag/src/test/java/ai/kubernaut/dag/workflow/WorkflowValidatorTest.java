package ai.kubernaut.dag.workflow;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ai.kubernaut.dag.DagError;
import ai.kubernaut.dag.DagValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WorkflowValidatorTest {

	private final WorkflowValidator validator = new WorkflowValidator(
			ActionCatalog
				.of(Map.of("scale_deployment", Set.of("replicas"), "wait", Set.of("duration"), "notify", Set.of())),
			Fixtures.CONDITIONS);

	@Test
	void reportsEveryProblemOfADefinitionAtOnce() {
		Map<String, Object> tree = Map.of("strategy", Map.of("parallelism", 12, "failure", "ignore"), "steps",
				List.of(Map.of("id", "a", "action", "notify", "dependsOn", List.of("c")),
						Map.of("id", "b", "action", "notify", "dependsOn", List.of("a")),
						Map.of("id", "c", "action", "notify", "dependsOn", List.of("b")),
						Map.of("id", "d", "action", "scale_deployment"),
						Map.of("id", "d", "action", "wait", "parameters", Map.of("duration", "1s")),
						Map.of("id", "e", "action", "reboot_everything", "dependsOn", List.of("ghost")),
						Map.of("id", "f", "action", "notify", "timeout", "soon", "when", "oops", "parameters",
								Map.of("text", "${steps.e.result}"))));

		DagValidationException failure = catchThrowableOfType(DagValidationException.class,
				() -> this.validator.read(tree));

		assertThat(failure.errors()).extracting(DagError::message)
			.containsExactlyInAnyOrder("strategy.failure: must be fail-fast or continue-on-error, got 'ignore'",
					"strategy.parallelism: must be a whole number from 1 to 10, got 12",
					"steps[6].timeout: 'soon' is not a duration; write e.g. 30s, 2m, 1h30m, 250ms or PT2M",
					"Step id 'd' is declared 2 times",
					"Step 'e' uses unknown action 'reboot_everything'; known actions are [notify, scale_deployment, wait]",
					"Step 'e' depends on unknown step 'ghost'",
					"Steps form a cycle, so none of them can ever start: a → b → c → a",
					"Step 'd' action 'scale_deployment' requires parameter 'replicas'",
					"Step 'f' has an invalid when condition 'oops': syntax error");
	}

	@Test
	void namesTheCyclePathInTheMessage() {
		WorkflowDefinition cyclic = WorkflowDefinition.of("loop",
				List.of(WorkflowStep.of("drain", "notify", Map.of(), "verify"),
						WorkflowStep.of("restart", "notify", Map.of(), "drain"),
						WorkflowStep.of("verify", "notify", Map.of(), "restart")));

		assertThatExceptionOfType(DagValidationException.class).isThrownBy(() -> this.validator.validate(cyclic))
			.withMessageContaining("drain → restart → verify → drain");
	}

	@Test
	void rejectsAReferenceToAStepThatIsNotADependency() {
		WorkflowDefinition definition = WorkflowDefinition.of("refs",
				List.of(WorkflowStep.of("scale", "scale_deployment", Map.of("replicas", 3)),
						WorkflowStep.of("announce", "notify", Map.of("text", "now ${steps.scale.replicas}")),
						WorkflowStep.of("report", "notify", Map.of("text", "${steps.scale.replicas}", "bad", "${a b}"),
								"scale")));

		DagValidationException failure = catchThrowableOfType(DagValidationException.class,
				() -> this.validator.validate(definition));

		assertThat(failure.errors()).extracting(DagError::kind)
			.containsExactly(DagError.Kind.INVALID_REFERENCE, DagError.Kind.INVALID_REFERENCE);
		assertThat(failure.errors()).extracting(DagError::stepId).containsExactly("announce", "report");
	}

	@Test
	void checksTheRollbackActionAndItsParametersToo() {
		WorkflowDefinition definition = WorkflowDefinition.of("rollback",
				List.of(WorkflowStep.of("scale", "scale_deployment", Map.of("replicas", 3))
					.withRollback(new Rollback("scale_deployment", Map.of()))));

		assertThatExceptionOfType(DagValidationException.class).isThrownBy(() -> this.validator.validate(definition))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(DagError::message)
				.containsExactly("Step 'scale' rollback action 'scale_deployment' requires parameter 'replicas'"));
	}

	@Test
	void acceptsAReferenceToAnyTransitiveDependencyAndToTheStepsOwnOutputInItsRollback() {
		WorkflowDefinition definition = WorkflowDefinition
			.of("refs", List.of(
					WorkflowStep.of("scale", "scale_deployment", Map.of("replicas", "${REPLICAS}"))
						.withRollback(new Rollback("scale_deployment",
								Map.of("replicas", "${steps.scale.previousReplicas}"))),
					WorkflowStep.of("pause", "wait", Map.of("duration", "10s"), "scale"), WorkflowStep.of("report",
							"notify", Map.of("text", "was ${steps.scale.previousReplicas}"), "pause")));

		assertThat(this.validator.validate(definition).dag().levels()).hasSize(3);
	}

}
