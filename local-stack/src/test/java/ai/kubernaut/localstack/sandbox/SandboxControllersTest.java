package ai.kubernaut.localstack.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import ai.kubernaut.testsupport.kubernetes.SandboxKubernetes;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

class SandboxControllersTest {

	static SandboxKubernetes sandbox;

	static SandboxControllers controllers;

	static KubernetesClient client;

	@BeforeAll
	static void startTheSandboxWithItsControllers() {
		sandbox = SandboxKubernetes.start(0);
		client = sandbox.client();
		controllers = SandboxControllers.start(client, Duration.ofMillis(50), Clock.systemUTC());
	}

	@AfterAll
	static void stop() {
		controllers.close();
		sandbox.close();
	}

	@Test
	void rollsOutADeploymentAfterItsTemplateChanges() {
		client.apps().deployments().inNamespace("rollout").resource(deployment("checkout", 2, "64Mi")).create();
		Deployment first = awaitRolledOut("rollout", "checkout");
		assertThat(first.getStatus().getAvailableReplicas()).isEqualTo(2);

		client.apps().deployments().inNamespace("rollout").withName("checkout").edit((d) -> {
			d.getSpec()
				.getTemplate()
				.getSpec()
				.getContainers()
				.get(0)
				.getResources()
				.setLimits(Map.of("memory", new Quantity("128Mi")));
			return d;
		});

		Deployment second = awaitRolledOut("rollout", "checkout");
		assertThat(second.getMetadata().getGeneration()).isGreaterThan(first.getMetadata().getGeneration());
		assertThat(second.getStatus().getUpdatedReplicas()).isEqualTo(2);
		assertThat(second.getStatus().getConditions()).extracting("type", "status", "reason")
			.contains(tuple("Available", "True", "MinimumReplicasAvailable"),
					tuple("Progressing", "True", "NewReplicaSetAvailable"));
	}

	@Test
	void followsAScaleWithTheReplicaCounts() {
		client.apps().deployments().inNamespace("scale").resource(deployment("payments", 1, "64Mi")).create();
		awaitRolledOut("scale", "payments");

		client.apps().deployments().inNamespace("scale").withName("payments").scale(4);

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			Deployment deployment = client.apps().deployments().inNamespace("scale").withName("payments").get();
			assertThat(deployment.getStatus().getReadyReplicas()).isEqualTo(4);
			assertThat(deployment.getStatus().getAvailableReplicas()).isEqualTo(4);
		});
	}

	@Test
	void stopsWritingOnceTheStatusMatches() {
		client.apps().deployments().inNamespace("steady").resource(deployment("steady", 1, "64Mi")).create();
		String settled = awaitRolledOut("steady", "steady").getMetadata().getResourceVersion();

		await().during(Duration.ofMillis(600))
			.atMost(Duration.ofSeconds(2))
			.until(() -> client.apps()
				.deployments()
				.inNamespace("steady")
				.withName("steady")
				.get()
				.getMetadata()
				.getResourceVersion()
				.equals(settled));
	}

	@Test
	void rollsOutAStatefulSetWithMatchingRevisions() {
		StatefulSet redis = new StatefulSetBuilder().withNewMetadata()
			.withName("redis")
			.withNamespace("stateful")
			.endMetadata()
			.withNewSpec()
			.withReplicas(3)
			.withServiceName("redis")
			.withNewSelector()
			.addToMatchLabels("app", "redis")
			.endSelector()
			.withNewTemplate()
			.withNewMetadata()
			.addToLabels("app", "redis")
			.endMetadata()
			.withNewSpec()
			.addNewContainer()
			.withName("redis")
			.withImage("redis:7")
			.endContainer()
			.endSpec()
			.endTemplate()
			.endSpec()
			.build();
		client.apps().statefulSets().inNamespace("stateful").resource(redis).create();

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			StatefulSet current = client.apps().statefulSets().inNamespace("stateful").withName("redis").get();
			assertThat(current.getStatus()).isNotNull();
			assertThat(current.getStatus().getObservedGeneration()).isEqualTo(current.getMetadata().getGeneration());
			assertThat(current.getStatus().getReadyReplicas()).isEqualTo(3);
			assertThat(current.getStatus().getCurrentRevision()).isEqualTo(current.getStatus().getUpdateRevision());
		});
	}

	@Test
	void completesAJob() {
		Job job = new JobBuilder().withNewMetadata()
			.withName("wfe-0123456789abcdef")
			.withNamespace("jobs")
			.endMetadata()
			.withNewSpec()
			.withBackoffLimit(0)
			.withNewTemplate()
			.withNewSpec()
			.withRestartPolicy("Never")
			.addNewContainer()
			.withName("bundle")
			.withImage("quay.io/example/bundle@sha256:" + "0".repeat(64))
			.endContainer()
			.endSpec()
			.endTemplate()
			.endSpec()
			.build();
		client.batch().v1().jobs().inNamespace("jobs").resource(job).create();

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			Job current = client.batch().v1().jobs().inNamespace("jobs").withName("wfe-0123456789abcdef").get();
			assertThat(current.getStatus()).isNotNull();
			assertThat(current.getStatus().getSucceeded()).isEqualTo(1);
			assertThat(current.getStatus().getCompletionTime()).isNotNull();
			assertThat(current.getStatus().getConditions()).anySatisfy((condition) -> {
				assertThat(condition.getType()).isEqualTo("Complete");
				assertThat(condition.getStatus()).isEqualTo("True");
			});
		});
	}

	@Test
	void leavesAFailedJobFailed() {
		Job job = new JobBuilder().withNewMetadata()
			.withName("failed")
			.withNamespace("failed-jobs")
			.endMetadata()
			.withNewSpec()
			.withNewTemplate()
			.withNewSpec()
			.withRestartPolicy("Never")
			.addNewContainer()
			.withName("bundle")
			.withImage("busybox")
			.endContainer()
			.endSpec()
			.endTemplate()
			.endSpec()
			.withNewStatus()
			.withFailed(1)
			.addNewCondition()
			.withType("Failed")
			.withStatus("True")
			.withReason("BackoffLimitExceeded")
			.endCondition()
			.endStatus()
			.build();
		client.batch().v1().jobs().inNamespace("failed-jobs").resource(job).create();
		client.batch().v1().jobs().inNamespace("failed-jobs").resource(job).updateStatus();

		await().during(Duration.ofMillis(400))
			.atMost(Duration.ofSeconds(2))
			.until(() -> client.batch()
				.v1()
				.jobs()
				.inNamespace("failed-jobs")
				.withName("failed")
				.get()
				.getStatus() != null
					&& client.batch()
						.v1()
						.jobs()
						.inNamespace("failed-jobs")
						.withName("failed")
						.get()
						.getStatus()
						.getSucceeded() == null);
	}

	private static Deployment awaitRolledOut(String namespace, String name) {
		Deployment[] last = new Deployment[1];
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(name).get();
			assertThat(deployment.getStatus()).isNotNull();
			assertThat(deployment.getStatus().getObservedGeneration())
				.isEqualTo(deployment.getMetadata().getGeneration());
			assertThat(deployment.getStatus().getUpdatedReplicas()).isEqualTo(deployment.getSpec().getReplicas());
			assertThat(deployment.getStatus().getAvailableReplicas()).isEqualTo(deployment.getSpec().getReplicas());
			last[0] = deployment;
		});
		return last[0];
	}

	static Deployment deployment(String name, int replicas, String memory) {
		return new DeploymentBuilder().withNewMetadata()
			.withName(name)
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
			.withName(name)
			.withImage("ghcr.io/kubernaut-demo/" + name + ":1.0.0")
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

}
