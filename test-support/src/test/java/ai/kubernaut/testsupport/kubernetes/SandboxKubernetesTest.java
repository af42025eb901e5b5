package ai.kubernaut.testsupport.kubernetes;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxKubernetesTest {

	static SandboxKubernetes sandbox;

	@BeforeAll
	static void start() {
		sandbox = SandboxKubernetes.start(0);
		sandbox.seed(new ByteArrayInputStream("""
				apiVersion: v1
				kind: Namespace
				metadata:
				  name: shop
				---
				apiVersion: apps/v1
				kind: Deployment
				metadata:
				  name: checkout
				  namespace: shop
				spec:
				  replicas: 2
				  selector:
				    matchLabels: {app: checkout}
				  template:
				    metadata:
				      labels: {app: checkout}
				    spec:
				      containers:
				      - name: checkout
				        image: checkout:1
				""".getBytes(StandardCharsets.UTF_8)));
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@Test
	void playsTheDeploymentControllerOnceSoPodsHaveOwners() {
		Pod pod = sandbox.client().pods().inNamespace("shop").list().getItems().get(0);
		ReplicaSet owner = sandbox.client()
			.apps()
			.replicaSets()
			.inNamespace("shop")
			.withName(pod.getMetadata().getOwnerReferences().get(0).getName())
			.get();

		assertThat(sandbox.client().pods().inNamespace("shop").list().getItems()).hasSize(2);
		assertThat(owner.getMetadata().getOwnerReferences().get(0).getKind()).isEqualTo("Deployment");
		assertThat(owner.getMetadata().getOwnerReferences().get(0).getName()).isEqualTo("checkout");
	}

	@Test
	void servesApiDiscoveryForKubectl() throws Exception {
		HttpResponse<String> apps = get("/apis/apps/v1?timeout=32s");
		HttpResponse<String> groups = get("/apis");

		assertThat(apps.statusCode()).isEqualTo(200);
		assertThat(apps.body()).contains("\"kind\":\"APIResourceList\"").contains("\"name\":\"deployments\"");
		assertThat(groups.body()).contains("\"kind\":\"APIGroupList\"").contains("\"name\":\"policy\"");
	}

	@Test
	void stillStoresObjectsBehindTheDiscoveryPaths() throws Exception {
		HttpResponse<String> deployment = get("/apis/apps/v1/namespaces/shop/deployments/checkout");

		assertThat(deployment.statusCode()).isEqualTo(200);
		assertThat(deployment.body()).contains("\"replicas\":2");
	}

	private static HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(sandbox.url() + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
