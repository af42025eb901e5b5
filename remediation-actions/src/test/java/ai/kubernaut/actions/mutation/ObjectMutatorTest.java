package ai.kubernaut.actions.mutation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionSkippedException;
import ai.kubernaut.actions.MockCluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObjectMutatorTest {

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
	void writesOnlyTheChangedFieldsWithTheStampAndTheUndoPatchInTheSameWrite() {
		String namespace = cluster.managedNamespace("mutate");
		cluster.create(deployment(namespace, "web", "64Mi"));
		ActionContext context = MockCluster.context("raise", Map.of());
		cluster.requests();

		MutationResult result = cluster.mutator()
			.mutate(context, Deployment.class, namespace, "web", (deployment) -> memory(deployment, "128Mi"));

		assertThat(result.changed()).isTrue();
		assertThat(result.object()).isEqualTo("Deployment/" + namespace + "/web");
		assertThat(result.changes())
			.containsExactly("spec.template.spec.containers[app].resources.limits.memory: 64Mi -> 128Mi");
		assertThat(result.diff()).containsExactly(Map.of("op", "replace", "path",
				"/spec/template/spec/containers/0/resources/limits/memory", "value", "128Mi", "fromValue", "64Mi"));
		List<RecordedRequest> writes = cluster.writes();
		assertThat(writes).hasSize(1);
		assertThat(writes.get(0).getMethod()).isEqualTo("PATCH");
		assertThat(writes.get(0).getHeader("Content-Type")).startsWith("application/json-patch+json");
		assertThat(writes.get(0).getPath()).contains("fieldManager=" + ObjectMutator.FIELD_MANAGER);
		Deployment stored = read(namespace, "web");
		assertThat(limit(stored)).isEqualTo("128Mi");
		assertThat(stored.getMetadata().getAnnotations()).containsEntry(ObjectMutator.STEP_ANNOTATION,
				context.remediationId() + "/raise");
		assertThat(stored.getMetadata().getAnnotations().get(ObjectMutator.UNDO_ANNOTATION))
			.contains("\"op\":\"replace\"", "\"value\":\"64Mi\"", "\"fromValue\":\"128Mi\"");
		assertThat(result.rollback()).containsEntry("action", "restore_snapshot");
	}

	@Test
	void aReplayOfTheSameStepWritesNothingAndReturnsTheSameSnapshot() {
		String namespace = cluster.managedNamespace("replay");
		cluster.create(deployment(namespace, "web", "64Mi"));
		ActionContext context = MockCluster.context("raise", Map.of());
		ObjectMutator mutator = cluster.mutator();
		MutationResult first = mutator.mutate(context, Deployment.class, namespace, "web",
				(deployment) -> memory(deployment, "128Mi"));
		String version = read(namespace, "web").getMetadata().getResourceVersion();
		cluster.requests();

		MutationResult replay = mutator.mutate(context, Deployment.class, namespace, "web",
				(deployment) -> memory(deployment, "256Mi"));

		assertThat(replay.alreadyApplied()).isTrue();
		assertThat(replay.changed()).isFalse();
		assertThat(replay.rollback()).isEqualTo(first.rollback());
		assertThat(replay.changes()).isEqualTo(first.changes());
		assertThat(cluster.writes()).isEmpty();
		assertThat(read(namespace, "web").getMetadata().getResourceVersion()).isEqualTo(version);
		assertThat(limit(read(namespace, "web"))).isEqualTo("128Mi");
	}

	@Test
	void aLaterStepsSnapshotHoldsOnlyItsOwnChangeNotTheEarlierSnapshot() {
		String namespace = cluster.managedNamespace("nested");
		cluster.create(deployment(namespace, "web", "64Mi"));
		ObjectMutator mutator = cluster.mutator();
		mutator.mutate(MockCluster.context("first", Map.of()), Deployment.class, namespace, "web",
				(deployment) -> memory(deployment, "128Mi"));

		MutationResult second = mutator.mutate(MockCluster.context("second", Map.of()), Deployment.class, namespace,
				"web", (deployment) -> {
					deployment.getSpec().setReplicas(3);
					return deployment;
				});

		assertThat(second.changes()).containsExactly("spec.replicas: 2 -> 3");
		assertThat(read(namespace, "web").getMetadata().getAnnotations().get(ObjectMutator.UNDO_ANNOTATION))
			.doesNotContain("remediation-undo", "remediation-step", "128Mi");
	}

	@Test
	void writesNothingWhenTheChangeLeavesTheObjectAsItIs() {
		String namespace = cluster.managedNamespace("same");
		cluster.create(deployment(namespace, "web", "64Mi"));
		cluster.requests();

		MutationResult result = cluster.mutator()
			.mutate(MockCluster.context("same", Map.of()), Deployment.class, namespace, "web",
					(deployment) -> memory(deployment, "64Mi"));

		assertThat(result.changed()).isFalse();
		assertThat(result.rollback()).isNull();
		assertThat(cluster.writes()).isEmpty();
	}

	@Test
	void aConflictIsReadAgainAndDecidedAgainOnTheNewState() {
		String namespace = cluster.managedNamespace("conflict");
		cluster.create(deployment(namespace, "web", "64Mi"));
		List<Integer> seen = new ArrayList<>();
		ObjectMutator mutator = cluster.mutator();

		MutationResult result = mutator.mutate(MockCluster.context("scale", Map.of()), Deployment.class, namespace,
				"web", (deployment) -> {
					int replicas = deployment.getSpec().getReplicas();
					seen.add(replicas);
					if (seen.size() == 1) {
						// Someone else scales the Deployment between our read and our
						// write.
						cluster.client()
							.apps()
							.deployments()
							.inNamespace(namespace)
							.withName("web")
							.edit((d) -> new DeploymentBuilder(d).editSpec().withReplicas(5).endSpec().build());
					}
					deployment.getSpec().setReplicas(replicas + 1);
					return deployment;
				});

		assertThat(seen).containsExactly(2, 5);
		assertThat(read(namespace, "web").getSpec().getReplicas()).isEqualTo(6);
		assertThat(result.changes()).containsExactly("spec.replicas: 5 -> 6");
	}

	@Test
	void givesUpWhenTheObjectKeepsChangingAndOverwritesNothing() {
		String namespace = cluster.managedNamespace("busy");
		cluster.create(deployment(namespace, "web", "64Mi"));
		cluster.server()
			.expect()
			.patch()
			.withPath("/apis/apps/v1/namespaces/" + namespace + "/deployments/web?fieldManager="
					+ ObjectMutator.FIELD_MANAGER)
			.andReturn(409, new StatusBuilder().withCode(409).withReason("Conflict").build())
			.times(ObjectMutator.MAX_ATTEMPTS);

		assertThatIllegalStateException()
			.isThrownBy(() -> cluster.mutator()
				.mutate(MockCluster.context("scale", Map.of()), Deployment.class, namespace, "web",
						(deployment) -> memory(deployment, "128Mi")))
			.withMessageContaining("kept changing")
			.withMessageContaining("nothing was overwritten");
		assertThat(limit(read(namespace, "web"))).isEqualTo("64Mi");
	}

	@Test
	void previewSendsTheWriteAsAServerSideDryRunAndStoresNothing() {
		String namespace = cluster.managedNamespace("preview");
		cluster.create(deployment(namespace, "web", "64Mi"));
		// The CRUD store ignores dryRun; the stub answers as a real API server would.
		cluster.stubDryRunPatch("/apis/apps/v1/namespaces/" + namespace + "/deployments/web",
				deployment(namespace, "web", "128Mi"));
		cluster.requests();

		MutationResult result = cluster.mutator()
			.preview(MockCluster.context("raise", Map.of()), Deployment.class, namespace, "web",
					(deployment) -> memory(deployment, "128Mi"));

		assertThat(result.dryRun()).isTrue();
		assertThat(result.changed()).isTrue();
		assertThat(result.rollback()).isNull();
		assertThat(result.changes())
			.containsExactly("spec.template.spec.containers[app].resources.limits.memory: 64Mi -> 128Mi");
		assertThat(cluster.writes()).singleElement()
			.satisfies((request) -> assertThat(request.getPath()).isEqualTo("/apis/apps/v1/namespaces/" + namespace
					+ "/deployments/web?fieldManager=" + ObjectMutator.FIELD_MANAGER + "&dryRun=All"));
		Deployment stored = read(namespace, "web");
		assertThat(limit(stored)).isEqualTo("64Mi");
		assertThat(stored.getMetadata().getAnnotations()).isNullOrEmpty();
	}

	@Test
	void aMissingObjectIsAnErrorNamingIt() {
		String namespace = cluster.managedNamespace("missing");

		assertThatIllegalStateException()
			.isThrownBy(() -> cluster.mutator()
				.mutate(MockCluster.context("raise", Map.of()), Deployment.class, namespace, "nope",
						(deployment) -> deployment))
			.withMessage("Deployment " + namespace + "/nope does not exist");
	}

	@Test
	void neverWritesOutsideTheGuardRails() {
		cluster.create(deployment("kube-system", "coredns", "64Mi"));
		cluster.client()
			.namespaces()
			.resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
				.withName("unmanaged")
				.endMetadata()
				.build())
			.create();
		cluster.create(deployment("unmanaged", "web", "64Mi"));
		cluster.requests();
		ObjectMutator mutator = cluster.mutator();

		assertThatThrownBy(() -> mutator.mutate(MockCluster.context("a", Map.of()), Deployment.class, "kube-system",
				"coredns", (deployment) -> memory(deployment, "128Mi")))
			.isInstanceOfSatisfying(ActionSkippedException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo("NamespaceDenied"));
		assertThatThrownBy(() -> mutator.mutate(MockCluster.context("b", Map.of()), Deployment.class, "unmanaged",
				"web", (deployment) -> memory(deployment, "128Mi")))
			.isInstanceOfSatisfying(ActionSkippedException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo("NamespaceNotManaged"));
		assertThat(cluster.writes()).isEmpty();
		assertThat(limit(read("kube-system", "coredns"))).isEqualTo("64Mi");
		assertThat(limit(read("unmanaged", "web"))).isEqualTo("64Mi");
	}

	@Test
	void waitsAsLongAsAThrottlingServerAsksAndThenWrites() {
		String namespace = cluster.managedNamespace("throttled");
		cluster.create(new ConfigMapBuilder().withNewMetadata()
			.withName("settings")
			.withNamespace(namespace)
			.endMetadata()
			.addToData("mode", "normal")
			.build());
		cluster.server()
			.expect()
			.patch()
			.withPath("/api/v1/namespaces/" + namespace + "/configmaps/settings?fieldManager="
					+ ObjectMutator.FIELD_MANAGER)
			.andReturn(429,
					new StatusBuilder().withCode(429)
						.withReason("TooManyRequests")
						.withNewDetails()
						.withRetryAfterSeconds(3)
						.endDetails()
						.build())
			.once();
		List<Duration> waits = new ArrayList<>();
		Guardrails guardrails = new Guardrails(GuardrailSettings.defaults(), cluster.client(), Clock.systemUTC(),
				(duration) -> {
					if (duration.toSeconds() >= 1) {
						waits.add(duration);
					}
				});

		MutationResult result = new ObjectMutator(cluster.client(), guardrails).mutate(
				MockCluster.context("patch", Map.of()), io.fabric8.kubernetes.api.model.ConfigMap.class, namespace,
				"settings", (configMap) -> {
					configMap.getData().put("mode", "debug");
					return configMap;
				});

		assertThat(waits).containsExactly(Duration.ofSeconds(3));
		assertThat(result.changes()).containsExactly("data.mode: normal -> debug");
		assertThat(cluster.client().configMaps().inNamespace(namespace).withName("settings").get().getData())
			.containsEntry("mode", "debug");
	}

	static Deployment deployment(String namespace, String name, String memory) {
		return new DeploymentBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(namespace)
			.endMetadata()
			.withNewSpec()
			.withReplicas(2)
			.withNewSelector()
			.addToMatchLabels("app", name)
			.endSelector()
			.withNewTemplate()
			.withNewMetadata()
			.addToLabels("app", name)
			.endMetadata()
			.withNewSpec()
			.addNewContainer()
			.withName("app")
			.withImage("nginx:1.27")
			.withNewResources()
			.addToLimits("memory", new Quantity(memory))
			.addToRequests("memory", new Quantity(memory))
			.endResources()
			.endContainer()
			.endSpec()
			.endTemplate()
			.endSpec()
			.build();
	}

	static Deployment memory(Deployment deployment, String limit) {
		deployment.getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.get(0)
			.getResources()
			.getLimits()
			.put("memory", new Quantity(limit));
		return deployment;
	}

	static String limit(Deployment deployment) {
		return deployment.getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.get(0)
			.getResources()
			.getLimits()
			.get("memory")
			.toString();
	}

	private static Deployment read(String namespace, String name) {
		return cluster.client().apps().deployments().inNamespace(namespace).withName(name).get();
	}

}
