package ai.kubernaut.engine.catalog;

import java.util.List;
import java.util.Map;

import ai.kubernaut.contracts.catalog.WorkflowDefinition;
import ai.kubernaut.contracts.catalog.WorkflowParameter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CatalogRunsTest {

	static final String PINNED = "quay.io/kubernaut/scale@sha256:" + "ab".repeat(32);

	@Test
	void runsTheStepsAndStrategyOfADagWorkflowAsRegistered() {
		CatalogRun run = CatalogRuns.of(workflow("dag", null, """
				apiVersion: kubernaut.ai/v1alpha1
				kind: RemediationWorkflow
				metadata:
				  name: native-scale
				spec:
				  execution:
				    engine: dag
				    strategy: {rollback: automatic}
				    steps:
				      - {id: scale, action: scale_deployment}
				      - {id: settle, action: wait_for_rollout, dependsOn: [scale]}
				"""));

		assertThat(run.definition()).containsEntry("name", "native-scale")
			.containsEntry("strategy", Map.of("rollback", "automatic"));
		assertThat((List<?>) run.definition().get("steps")).hasSize(2);
		assertThat(run.defaults()).containsExactly(Map.entry("SCALE_REPLICAS", "+1"));
	}

	@Test
	void runsAJobWorkflowAsOneRunJobStepWithItsPinnedBundle() {
		CatalogRun run = CatalogRuns.of(workflow("job", PINNED, null));

		assertThat((List<?>) run.definition().get("steps")).singleElement()
			.isEqualTo(Map.of("id", "job", "name", "native-scale (Job)", "action", "run_job", "parameters",
					Map.of("IMAGE", PINNED, "SERVICE_ACCOUNT", "scale-runner")));
	}

	@Test
	void refusesAJobBundleThatIsNotPinnedByDigest() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CatalogRuns.of(workflow("job", "quay.io/kubernaut/scale@sha256:abc123...", null)))
			.withMessageContaining("not pinned by a sha256 digest");
	}

	@Test
	void refusesEnginesItDoesNotDrive() {
		assertThatExceptionOfType(UnsupportedEngineException.class)
			.isThrownBy(() -> CatalogRuns.of(workflow("tekton", PINNED, null)))
			.withMessageContaining("'tekton'");
	}

	@Test
	void refusesADagWorkflowWithoutSteps() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CatalogRuns.of(workflow("dag", null, "spec:\n  execution:\n    engine: dag\n")))
			.withMessageContaining("no execution.steps");
	}

	private static WorkflowDefinition workflow(String engine, String bundle, String content) {
		return new WorkflowDefinition("wf-1", "native-scale", "native-scale", "1.0.0", "ScaleReplicas", null, engine,
				bundle, "scale-runner",
				List.of(new WorkflowParameter("SCALE_REPLICAS", "string", false, "change", "+1"),
						new WorkflowParameter("TARGET_RESOURCE_NAME", "string", true, "target", null)),
				Map.of(), Map.of(), Map.of(), "Active", true, content, "0".repeat(64));
	}

}
