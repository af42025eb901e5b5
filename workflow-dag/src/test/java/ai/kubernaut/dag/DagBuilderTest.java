package ai.kubernaut.dag;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DagBuilderTest {

	@Test
	void levelsOfADiamondAreTheStartTheTwoBranchesAndTheJoin() {
		Dag dag = Dag.builder()
			.step("drain", "drain_node")
			.step("restart", "restart_deployment", "drain")
			.step("scale", "scale_deployment", "drain")
			.step("verify", "verify_health", "restart", "scale")
			.build();

		assertThat(dag.levels()).containsExactly(List.of("drain"), List.of("restart", "scale"), List.of("verify"));
	}

	@Test
	void levelsPlaceAStepOneLevelAfterItsDeepestDependency() {
		Dag dag = Dag.builder()
			.step("notify", "notify", "scale", "snapshot")
			.step("snapshot", "snapshot")
			.step("scale", "scale_deployment", "snapshot")
			.build();

		assertThat(dag.levels()).containsExactly(List.of("snapshot"), List.of("scale"), List.of("notify"));
	}

	@Test
	void topologicalOrderKeepsDeclarationOrderWhereverTheGraphAllows() {
		Dag dag = Dag.builder().step("c", "noop", "a").step("b", "noop").step("a", "noop").step("d", "noop").build();

		assertThat(dag.topologicalOrder()).extracting(StepSpec::id).containsExactly("b", "a", "c", "d");
		assertThat(dag.dependentsOf("a")).containsExactly("c");
	}

	@Test
	void rejectsAnEmptyWorkflow() {
		assertThatExceptionOfType(DagValidationException.class).isThrownBy(() -> Dag.builder().build())
			.satisfies((ex) -> assertThat(ex.errors()).extracting(DagError::kind).containsExactly(DagError.Kind.EMPTY));
	}

	@Test
	void rejectsDuplicateStepIds() {
		DagValidationException ex = catchThrowableOfType(DagValidationException.class,
				() -> Dag.builder().step("scale", "scale_deployment").step("scale", "restart_deployment").build());

		assertThat(ex.errors()).containsExactly(
				new DagError(DagError.Kind.DUPLICATE_STEP, "scale", "Step id 'scale' is declared 2 times"));
	}

	@Test
	void rejectsADependencyOnAnUnknownStep() {
		DagValidationException ex = catchThrowableOfType(DagValidationException.class,
				() -> Dag.builder().step("drain", "drain_node").step("restart", "restart_deployment", "drian").build());

		assertThat(ex.errors()).containsExactly(new DagError(DagError.Kind.UNKNOWN_DEPENDENCY, "restart",
				"Step 'restart' depends on unknown step 'drian'"));
	}

	@Test
	void rejectsACycleAndNamesItsPathInRunningOrder() {
		DagValidationException ex = catchThrowableOfType(DagValidationException.class,
				() -> Dag.builder().step("a", "noop", "c").step("b", "noop", "a").step("c", "noop", "b").build());

		assertThat(ex.errors()).singleElement().satisfies((error) -> {
			assertThat(error.kind()).isEqualTo(DagError.Kind.CYCLE);
			assertThat(error.stepId()).isEqualTo("a");
			assertThat(error.message()).endsWith(": a → b → c → a");
		});
	}

	@Test
	void rejectsAStepThatDependsOnItself() {
		DagValidationException ex = catchThrowableOfType(DagValidationException.class,
				() -> Dag.builder().step("scale", "scale_deployment", "scale").build());

		assertThat(ex.errors()).extracting(DagError::message)
			.containsExactly("Steps form a cycle, so none of them can ever start: scale → scale");
	}

	@Test
	void reportsEachSeparateCycleOnceWithItsShortestLoop() {
		DagValidationException ex = catchThrowableOfType(DagValidationException.class,
				() -> Dag.builder()
					.step("start", "noop")
					.step("a", "noop", "start", "b")
					.step("b", "noop", "a")
					.step("c", "noop", "b", "a")
					.step("x", "noop", "y")
					.step("y", "noop", "x")
					.build());

		assertThat(ex.errors()).extracting(DagError::message)
			.map((message) -> message.substring(message.indexOf(": ") + 2))
			.containsExactly("a → b → a", "x → y → x");
	}

	@Test
	void rejectsUnknownActionsWhenTheBuilderKnowsTheActions() {
		DagValidationException ex = catchThrowableOfType(DagValidationException.class,
				() -> Dag.builder()
					.knownActions(Set.of("scale_deployment", "restart_deployment"))
					.step("scale", "scale_deployment")
					.step("wipe", "delete_namespace", "scale")
					.build());

		assertThat(ex.errors()).containsExactly(new DagError(DagError.Kind.UNKNOWN_ACTION, "wipe",
				"Step 'wipe' uses unknown action 'delete_namespace'; known actions are [restart_deployment, scale_deployment]"));
	}

	@Test
	void acceptsAnyActionWhenNoActionsAreKnown() {
		assertThat(Dag.builder().step("wipe", "anything_goes").build().size()).isEqualTo(1);
	}

	@Test
	void reportsEveryErrorAtOnce() {
		DagValidationException ex = catchThrowableOfType(DagValidationException.class,
				() -> Dag.builder()
					.knownActions(Set.of("scale_deployment"))
					.step("scale", "scale_deployment")
					.step("scale", "scale_deployment")
					.step(" ", "scale_deployment")
					.step("restart", "restart_deployment", "drain")
					.step("a", "scale_deployment", "b")
					.step("b", "scale_deployment", "a")
					.build());

		assertThat(ex.errors()).extracting(DagError::kind)
			.containsExactly(DagError.Kind.INVALID_STEP, DagError.Kind.DUPLICATE_STEP, DagError.Kind.UNKNOWN_ACTION,
					DagError.Kind.UNKNOWN_DEPENDENCY, DagError.Kind.CYCLE);
		assertThat(ex).hasMessageStartingWith("Invalid workflow graph: 5 errors")
			.hasMessageContaining("Step #3 has a blank id")
			.hasMessageContaining("Step id 'scale' is declared 2 times")
			.hasMessageContaining("unknown action 'restart_deployment'")
			.hasMessageContaining("depends on unknown step 'drain'")
			.hasMessageContaining("a → b → a");
	}

	@Test
	void stepsIgnoreRepeatedDependenciesAndMissingParameters() {
		StepSpec step = new StepSpec("restart", "restart_deployment", null, List.of("drain", "drain"));

		assertThat(step.dependsOn()).containsExactly("drain");
		assertThat(step.parameters()).isEmpty();
		assertThat(step.withParameters(Map.of("TARGET", "x")).parameters()).containsEntry("TARGET", "x");
	}

}
