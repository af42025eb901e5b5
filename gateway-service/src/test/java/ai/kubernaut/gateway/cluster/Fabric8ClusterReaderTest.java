package ai.kubernaut.gateway.cluster;

import java.io.InputStream;

import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.testsupport.kubernetes.SandboxKubernetes;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class Fabric8ClusterReaderTest {

	private static SandboxKubernetes sandbox;

	private static ClusterReader reader;

	@BeforeAll
	static void startSandbox() throws Exception {
		sandbox = SandboxKubernetes.start(0);
		try (InputStream yaml = Fabric8ClusterReaderTest.class.getResourceAsStream("/kubernetes/demo-shop.yaml")) {
			sandbox.seed(yaml);
		}
		reader = new Fabric8ClusterReader(sandbox.client());
	}

	@AfterAll
	static void stopSandbox() {
		sandbox.close();
	}

	@Test
	void readsAWorkloadWithItsLabels() {
		assertThat(reader.find("Deployment", "demo-shop", "legacy-batch")).hasValueSatisfying((deployment) -> {
			assertThat(deployment.ref()).isEqualTo(new ResourceRef("Deployment", "demo-shop", "legacy-batch"));
			assertThat(deployment.labels()).containsEntry("kubernaut.ai/managed", "false");
		});
	}

	@Test
	void readsThePodsOwnerReferences() {
		Pod pod = sandbox.client()
			.pods()
			.inNamespace("demo-shop")
			.withLabel("app", "checkout")
			.list()
			.getItems()
			.get(0);

		assertThat(reader.find("Pod", "demo-shop", pod.getMetadata().getName()))
			.hasValueSatisfying((found) -> assertThat(found.owners()).singleElement().satisfies((owner) -> {
				assertThat(owner.kind()).isEqualTo("ReplicaSet");
				assertThat(owner.controller()).isTrue();
			}));
	}

	@Test
	void readsAClusterScopedNodeWhateverNamespaceItIsAskedIn() {
		sandbox.client()
			.nodes()
			.resource(new NodeBuilder().withNewMetadata()
				.withName("reader-node-1")
				.addToLabels("kubernaut.ai/managed", "true")
				.endMetadata()
				.build())
			.create();

		assertThat(reader.find("Node", "", "reader-node-1")).hasValueSatisfying((node) -> {
			assertThat(node.ref()).isEqualTo(new ResourceRef("Node", "", "reader-node-1"));
			assertThat(node.labels()).containsEntry("kubernaut.ai/managed", "true");
		});
		assertThat(reader.find("Node", "demo-shop", "reader-node-1")).isPresent();
		assertThat(reader.find("Node", "", "reader-node-absent")).isEmpty();
	}

	@Test
	void answersEmptyForAnAbsentObject() {
		assertThat(reader.find("Deployment", "demo-shop", "payments-ghost")).isEmpty();
		assertThat(reader.find("StatefulSet", "nowhere", "orders-db")).isEmpty();
	}

	@Test
	void readsNamespaceLabels() {
		assertThat(reader.namespaceLabels("demo-shop"))
			.hasValueSatisfying((labels) -> assertThat(labels).containsEntry("kubernaut.ai/managed", "true"));
		assertThat(reader.namespaceLabels("nowhere")).isEmpty();
	}

	@Test
	void refusesKindsItDoesNotRead() {
		assertThat(reader.canRead("Rollout")).isFalse();
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> reader.find("Rollout", "demo-shop", "storefront"));
	}

	@Test
	void reportsAnUnreachableApiServerAsUnavailable() {
		try (KubernetesClient unreachable = new KubernetesClientBuilder()
			.withConfig(new ConfigBuilder().withMasterUrl("http://127.0.0.1:1")
				.withRequestRetryBackoffLimit(0)
				.withConnectionTimeout(500)
				.build())
			.withHttpClientFactory(new JdkHttpClientFactory())
			.build()) {
			ClusterReader down = new Fabric8ClusterReader(unreachable);

			assertThatExceptionOfType(ClusterUnavailableException.class)
				.isThrownBy(() -> down.find("Deployment", "demo-shop", "checkout"))
				.withMessageContaining("Deployment demo-shop/checkout");
		}
	}

}
