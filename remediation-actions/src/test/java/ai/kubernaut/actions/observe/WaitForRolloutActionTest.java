package ai.kubernaut.actions.observe;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.kubernaut.actions.MockCluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class WaitForRolloutActionTest {

	private static MockCluster cluster;

	private static WaitForRolloutAction wait;

	@BeforeAll
	static void start() {
		cluster = MockCluster.start();
		wait = new WaitForRolloutAction(cluster.client(), new Poller(Clock.systemUTC(), Duration.ofMillis(20)));
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void completesOnceTheControllerReportsEveryReplicaUpdatedAndAvailable() {
		String namespace = cluster.managedNamespace("rollout");
		Deployment deployment = cluster.create(deployment(namespace, "web", 3));
		long generation = deployment.getMetadata().getGeneration();
		status(namespace, "web", generation, 3, 1);

		CompletableFuture<Map<String, Object>> waiting = CompletableFuture
			.supplyAsync(() -> wait.execute(MockCluster.context("wait", target(namespace, "Deployment", "web"))));
		await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());
		status(namespace, "web", generation, 3, 3);

		Map<String, Object> output = waiting.join();
		assertThat(output).containsEntry("rolledOut", true)
			.containsEntry("status",
					"generation " + generation + "/" + generation + " observed, 3/3 updated, 3/3 available");
	}

	@Test
	void failsAtTheTimeoutWithWhatTheStatusSaid() {
		String namespace = cluster.managedNamespace("stuck");
		Deployment deployment = cluster.create(deployment(namespace, "web", 2));
		status(namespace, "web", deployment.getMetadata().getGeneration() - 1, 2, 2);
		Map<String, Object> parameters = new java.util.HashMap<>(target(namespace, "Deployment", "web"));
		parameters.put("TIMEOUT", "1s");

		assertThatIllegalStateException().isThrownBy(() -> wait.execute(MockCluster.context("wait", parameters)))
			.withMessageContaining("Rollout of Deployment/" + namespace + "/web not complete after 1s")
			.withMessageContaining("observed, 2/2 updated, 2/2 available");
	}

	@Test
	void judgesADaemonSetByItsScheduledPods() {
		String namespace = cluster.managedNamespace("ds");
		cluster.create(new DaemonSetBuilder().withNewMetadata()
			.withName("agent")
			.withNamespace(namespace)
			.withGeneration(1L)
			.endMetadata()
			.withNewSpec()
			.withNewSelector()
			.addToMatchLabels("app", "agent")
			.endSelector()
			.withNewTemplate()
			.withNewMetadata()
			.addToLabels("app", "agent")
			.endMetadata()
			.withNewSpec()
			.addNewContainer()
			.withName("agent")
			.withImage("agent:1")
			.endContainer()
			.endSpec()
			.endTemplate()
			.endSpec()
			.build());
		cluster.client().apps().daemonSets().inNamespace(namespace).withName("agent").editStatus((ds) -> {
			ds.setStatus(new io.fabric8.kubernetes.api.model.apps.DaemonSetStatusBuilder()
				.withObservedGeneration(ds.getMetadata().getGeneration())
				.withDesiredNumberScheduled(4)
				.withUpdatedNumberScheduled(4)
				.withNumberAvailable(4)
				.withCurrentNumberScheduled(4)
				.withNumberMisscheduled(0)
				.withNumberReady(4)
				.build());
			return ds;
		});

		assertThat(wait.execute(MockCluster.context("wait", target(namespace, "DaemonSet", "agent"))))
			.containsEntry("rolledOut", true);
	}

	@Test
	void validationRejectsKindsWithoutARolloutAndBadTimeouts() {
		assertThat(wait.validate(Map.of("TARGET_RESOURCE_KIND", "Pod", "TIMEOUT", "0s"))).containsExactly(
				"TARGET_RESOURCE_KIND must be Deployment, StatefulSet or DaemonSet for wait_for_rollout, got \"Pod\"",
				"TIMEOUT must be between 1s and 1h, got \"0s\"");
		assertThat(wait.validate(Map.of("TARGET_RESOURCE_KIND", "StatefulSet", "TIMEOUT", "${timeout}"))).isEmpty();
	}

	static Map<String, Object> target(String namespace, String kind, String name) {
		return Map.of("TARGET_RESOURCE_KIND", kind, "TARGET_RESOURCE_NAMESPACE", namespace, "TARGET_RESOURCE_NAME",
				name);
	}

	static Deployment deployment(String namespace, String name, int replicas) {
		return new DeploymentBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(namespace)
			.endMetadata()
			.withNewSpec()
			.withReplicas(replicas)
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
			.withImage("app:1")
			.addNewEnv()
			.withName("DB_PASSWORD")
			.withValue("hunter2")
			.endEnv()
			.addNewEnv()
			.withName("LOG_LEVEL")
			.withValue("info")
			.endEnv()
			.endContainer()
			.endSpec()
			.endTemplate()
			.endSpec()
			.build();
	}

	static void status(String namespace, String name, long observedGeneration, int updated, int available) {
		cluster.client().apps().deployments().inNamespace(namespace).withName(name).editStatus((deployment) -> {
			deployment.setStatus(new DeploymentStatusBuilder().withObservedGeneration(observedGeneration)
				.withReplicas(deployment.getSpec().getReplicas())
				.withUpdatedReplicas(updated)
				.withAvailableReplicas(available)
				.withReadyReplicas(available)
				.build());
			return deployment;
		});
	}

}
