package ai.kubernaut.actions.mutation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionSkippedException;
import ai.kubernaut.actions.MockCluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestoreSnapshotActionTest {

	private static MockCluster cluster;

	@BeforeAll
	static void start() {
		cluster = MockCluster.start();
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void restoresTheTouchedFieldsAndLeavesOthersAlone() {
		String namespace = cluster.managedNamespace("restore");
		cluster.create(ObjectMutatorTest.deployment(namespace, "web", "64Mi"));
		ObjectMutator mutator = cluster.mutator();
		UUID execution = UUID.randomUUID();
		MutationResult raised = mutator.mutate(new ActionContext(execution, "raise", Map.of()), Deployment.class,
				namespace, "web", (deployment) -> ObjectMutatorTest.memory(deployment, "128Mi"));

		Map<String, Object> output = new RestoreSnapshotAction(mutator)
			.execute(new ActionContext(execution, "raise", parameters(raised)));

		Deployment restored = read(namespace);
		assertThat(ObjectMutatorTest.limit(restored)).isEqualTo("64Mi");
		assertThat(restored.getSpec().getReplicas()).isEqualTo(2);
		assertThat(restored.getMetadata().getAnnotations()).containsEntry(ObjectMutator.STEP_ANNOTATION,
				execution + "/raise/rollback");
		assertThat(output).containsEntry("changed", true)
			.containsEntry("changes",
					java.util.List.of("spec.template.spec.containers[app].resources.limits.memory: 128Mi -> 64Mi"));
		assertThat(output.get("rollback")).isNull();
	}

	@Test
	void aReplayedRestoreWritesNothing() {
		String namespace = cluster.managedNamespace("restore-replay");
		cluster.create(ObjectMutatorTest.deployment(namespace, "web", "64Mi"));
		ObjectMutator mutator = cluster.mutator();
		UUID execution = UUID.randomUUID();
		MutationResult raised = mutator.mutate(new ActionContext(execution, "raise", Map.of()), Deployment.class,
				namespace, "web", (deployment) -> ObjectMutatorTest.memory(deployment, "128Mi"));
		RestoreSnapshotAction restore = new RestoreSnapshotAction(mutator);
		restore.execute(new ActionContext(execution, "raise", parameters(raised)));
		String version = read(namespace).getMetadata().getResourceVersion();

		Map<String, Object> again = restore.execute(new ActionContext(execution, "raise", parameters(raised)));

		assertThat(again).containsEntry("alreadyApplied", true).containsEntry("changed", false);
		assertThat(read(namespace).getMetadata().getResourceVersion()).isEqualTo(version);
	}

	@Test
	void restoresEarlierStepsAfterLaterStepsOfTheSameExecutionWereRestored() {
		String namespace = cluster.managedNamespace("restore-chain");
		cluster.create(ObjectMutatorTest.deployment(namespace, "web", "64Mi"));
		ObjectMutator mutator = cluster.mutator();
		UUID execution = UUID.randomUUID();
		MutationResult first = mutator.mutate(new ActionContext(execution, "one", Map.of()), Deployment.class,
				namespace, "web", (deployment) -> ObjectMutatorTest.memory(deployment, "128Mi"));
		MutationResult second = mutator.mutate(new ActionContext(execution, "two", Map.of()), Deployment.class,
				namespace, "web", (deployment) -> {
					deployment.getSpec().setReplicas(4);
					return deployment;
				});
		RestoreSnapshotAction restore = new RestoreSnapshotAction(mutator);

		restore.execute(new ActionContext(execution, "two", parameters(second)));
		restore.execute(new ActionContext(execution, "one", parameters(first)));

		assertThat(ObjectMutatorTest.limit(read(namespace))).isEqualTo("64Mi");
		assertThat(read(namespace).getSpec().getReplicas()).isEqualTo(2);
	}

	@Test
	void refusesToUndoAChangeWhenAnotherRemediationHasChangedTheObjectSince() {
		String namespace = cluster.managedNamespace("restore-other");
		cluster.create(new ConfigMapBuilder().withNewMetadata()
			.withName("settings")
			.withNamespace(namespace)
			.endMetadata()
			.addToData("mode", "normal")
			.build());
		ObjectMutator mutator = cluster.mutator();
		UUID mine = UUID.randomUUID();
		MutationResult ours = mutator.mutate(new ActionContext(mine, "debug", Map.of()), ConfigMap.class, namespace,
				"settings", (configMap) -> {
					configMap.getData().put("mode", "debug");
					return configMap;
				});
		mutator.mutate(new ActionContext(UUID.randomUUID(), "other", Map.of()), ConfigMap.class, namespace, "settings",
				(configMap) -> {
					configMap.getData().put("mode", "trace");
					return configMap;
				});

		assertThatThrownBy(
				() -> new RestoreSnapshotAction(mutator).execute(new ActionContext(mine, "debug", parameters(ours))))
			.isInstanceOfSatisfying(ActionSkippedException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo("ChangedByAnotherRemediation"));
		assertThat(cluster.client().configMaps().inNamespace(namespace).withName("settings").get().getData())
			.containsEntry("mode", "trace");
	}

	@Test
	void validationRejectsAnUndoPatchThatIsNotOne() {
		assertThat(new RestoreSnapshotAction(cluster.mutator())
			.validate(Map.of(RestoreSnapshotAction.UNDO_PATCH, ObjectMutator.encode("{\"op\":\"nope\"}"))))
			.singleElement()
			.asString()
			.startsWith("UNDO_PATCH must be the base64url JSON Patch a mutation recorded");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> parameters(MutationResult result) {
		assertThat(result.rollback()).containsEntry("action", RestoreSnapshotAction.NAME_OF_ACTION);
		return new LinkedHashMap<>((Map<String, Object>) result.rollback().get("parameters"));
	}

	private static Deployment read(String namespace) {
		return cluster.client().apps().deployments().inNamespace(namespace).withName("web").get();
	}

}
