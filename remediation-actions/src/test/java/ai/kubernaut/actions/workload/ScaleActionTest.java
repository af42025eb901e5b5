package ai.kubernaut.actions.workload;

import java.util.Map;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScaleActionTest extends WorkloadActionTest {

	@Test
	void scalesTheTargetDeploymentToAnAbsoluteCount() {
		Map<String, Object> output = ScaleAction.deployment(this.mutator, 20)
			.execute(context(parameters("Deployment", "checkout", "SCALE_REPLICAS", "4")));

		assertThat(read(Deployment.class, "checkout").getSpec().getReplicas()).isEqualTo(4);
		assertThat(output).containsEntry("previousReplicas", 2)
			.containsEntry("replicas", 4)
			.containsEntry("changes", java.util.List.of("spec.replicas: 2 -> 4"));
	}

	@Test
	void freezesARelativeChangeInPrepareSoAReDrivenAttemptAddsOnce() {
		ScaleAction action = ScaleAction.statefulSet(this.mutator, 20);
		Map<String, Object> prepared = action
			.prepare(context(parameters("StatefulSet", "ledger", "SCALE_REPLICAS", "+2")));

		action.execute(context(prepared));
		action.execute(new ai.kubernaut.actions.ActionContext(java.util.UUID.randomUUID(), "again", prepared));

		assertThat(prepared).containsEntry("SCALE_REPLICAS", "5");
		assertThat(read(StatefulSet.class, "ledger").getSpec().getReplicas()).isEqualTo(5);
	}

	@Test
	void neverGrowsBeyondTheMaxReplicasLimit() {
		Map<String, Object> output = ScaleAction.deployment(this.mutator, 6)
			.execute(context(parameters("Deployment", "checkout", "SCALE_REPLICAS", "+10")));

		assertThat(read(Deployment.class, "checkout").getSpec().getReplicas()).isEqualTo(6);
		assertThat(output).containsEntry("requestedReplicas", 12).containsEntry("maxReplicas", 6);
	}

	@Test
	void aDryRunChangesNothingAndShowsTheDiff() {
		stubDryRun("/apis/apps/v1", "deployments/checkout", read(Deployment.class, "checkout"));

		Map<String, Object> output = ScaleAction.deployment(this.mutator, 20)
			.preview(context(parameters("Deployment", "checkout", "SCALE_REPLICAS", "-1")));

		assertThat(output).containsEntry("dryRun", true)
			.containsEntry("changes", java.util.List.of("spec.replicas: 2 -> 1"));
		assertThat(read(Deployment.class, "checkout").getSpec().getReplicas()).isEqualTo(2);
	}

	@Test
	void rollsBackToTheCountBefore() {
		Map<String, Object> output = ScaleAction.deployment(this.mutator, 20)
			.execute(context(parameters("Deployment", "checkout", "SCALE_REPLICAS", "0")));

		rollBack(output);

		assertThat(read(Deployment.class, "checkout").getSpec().getReplicas()).isEqualTo(2);
	}

	@Test
	void aReplayWritesNothing() {
		ScaleAction action = ScaleAction.deployment(this.mutator, 20);
		var context = context(parameters("Deployment", "checkout", "SCALE_REPLICAS", "3"));
		action.execute(context);
		String version = version(Deployment.class, "checkout");

		Map<String, Object> replay = action.execute(context);

		assertThat(replay).containsEntry("alreadyApplied", true);
		assertThat(version(Deployment.class, "checkout")).isEqualTo(version);
	}

	@Test
	void validationNamesTheParameterAndTheKind() {
		ScaleAction action = ScaleAction.deployment(this.mutator, 20);

		assertThat(action.validate(Map.of("SCALE_REPLICAS", "many", "TARGET_RESOURCE_KIND", "StatefulSet")))
			.containsExactly("TARGET_RESOURCE_KIND must be Deployment for scale_deployment, got \"StatefulSet\"",
					"SCALE_REPLICAS must be a count such as 3 or a change such as +1 or -1, got \"many\"");
		assertThat(action.validate(Map.of("SCALE_REPLICAS", "${REPLICAS}"))).isEmpty();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> action.execute(context(parameters("StatefulSet", "ledger", "SCALE_REPLICAS", "3"))))
			.withMessageContaining("scale_deployment acts on Deployment");
	}

}
