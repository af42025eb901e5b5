package ai.kubernaut.gateway.prometheus;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Consumer;

import ai.kubernaut.gateway.GatewayIntegrationTest;
import ai.kubernaut.gateway.StubEngine;
import ai.kubernaut.testsupport.kubernetes.SandboxKubernetes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts about nodes resolve to the cluster-scoped Node, whose own labels say whether it
 * is managed and in which environment, as the sandbox's {@code worker-1} (managed,
 * production, team platform) and {@code gpu-1} (unmanaged) show.
 */
@GatewayIntegrationTest
class NodeTargetIntegrationTest {

	/** {@code printf ':Node:worker-1' | sha256sum}: empty namespace, as Kubernaut. */
	private static final String WORKER_1 = "5811a14c33e6ea55be7f43355c2cffd48201fcbf3fc51c48a3f58e375e6f7ccc";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	StubEngine engine;

	@Autowired
	SandboxKubernetes kubernetes;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void reset() {
		this.engine.reset();
		this.jdbc.sql("delete from signal_dedup").update();
	}

	@Test
	void resolvesANodeAlertToTheNodeRatherThanTheExportersOwnPod() throws Exception {
		HttpResponse<String> response = post(alert("KubeNodeNotReady", "warning",
				AlertFixtures.withLabel("node", "worker-1"), AlertFixtures.withLabel("pod", exporterPod())));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode body = json(response);
		assertThat(body.get("fingerprint").asString()).isEqualTo(WORKER_1);
		assertThat(body.at("/target/kind").asString()).isEqualTo("Node");
		assertThat(body.at("/target/name").asString()).isEqualTo("worker-1");
		assertThat(body.at("/target/namespace").asString()).isEmpty();
		assertThat(body.get("environment").asString()).isEqualTo("production");
		JsonNode sent = AlertFixtures.JSON.readTree(this.engine.creations().get(0).body());
		assertThat(sent.at("/target/kind").asString()).isEqualTo("Node");
		assertThat(sent.at("/target/namespace").asString()).isEmpty();
		assertThat(sent.at("/signal/environment").asString()).isEqualTo("production");
		assertThat(sent.at("/customLabels/team/0").asString()).isEqualTo("platform");
		// Workload facts (PDB, HPA, GitOps, ...) do not apply to a Node: none is guessed.
		assertThat(sent.path("detectedLabels").size()).isZero();
	}

	@Test
	void resolvesTheInstanceLabelOfANodeExporterAlertToItsNode() throws Exception {
		HttpResponse<String> response = post(alert("NodeFilesystemSpaceFillingUp", "critical",
				AlertFixtures.withLabel("instance", "worker-1:9100"), AlertFixtures.withLabel("job", "node-exporter"),
				AlertFixtures.withLabel("pod", "node-exporter-x7k2p")));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		assertThat(json(response).get("fingerprint").asString()).isEqualTo(WORKER_1);
	}

	@Test
	void rejectsANodeThatIsNotManaged() throws Exception {
		HttpResponse<String> response = post(
				alert("KubeNodeNotReady", "warning", AlertFixtures.withLabel("node", "gpu-1")));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response);
		assertThat(body.at("/rejection/reason").asString()).isEqualTo("unmanaged_resource");
		assertThat(body.at("/target/kind").asString()).isEqualTo("Node");
		assertThat(this.engine.received()).isEmpty();
	}

	@Test
	void stillFindsTheExporterWhenTheAlertIsAboutTheExporterItself() throws Exception {
		HttpResponse<String> response = post(
				alert("KubeStateMetricsListErrors", "critical", AlertFixtures.withLabel("pod", exporterPod())));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response);
		assertThat(body.at("/target/kind").asString()).isEqualTo("Deployment");
		assertThat(body.at("/target/name").asString()).isEqualTo("kube-state-metrics");
		// The monitoring namespace is not managed.
		assertThat(body.at("/rejection/reason").asString()).isEqualTo("unmanaged_resource");
	}

	@Test
	void namesTheNodeItLookedForWhenItDoesNotExist() throws Exception {
		HttpResponse<String> response = post(
				alert("KubeNodeNotReady", "warning", AlertFixtures.withLabel("node", "worker-9")));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).get("detail").asString()).contains("Node worker-9");
	}

	private String exporterPod() {
		return this.kubernetes.client()
			.pods()
			.inNamespace("monitoring")
			.withLabel("app.kubernetes.io/name", "kube-state-metrics")
			.list()
			.getItems()
			.get(0)
			.getMetadata()
			.getName();
	}

	@SafeVarargs
	private static String alert(String alertname, String severity, Consumer<ObjectNode>... edits) {
		return AlertFixtures.json("kube-prometheus-alert", (notification) -> {
			AlertFixtures.withLabel("alertname", alertname).accept(notification);
			AlertFixtures.withLabel("severity", severity).accept(notification);
			AlertFixtures.withLabel("namespace", "monitoring").accept(notification);
			((ObjectNode) notification.get("groupLabels")).put("alertname", alertname);
			for (Consumer<ObjectNode> edit : edits) {
				edit.accept(notification);
			}
		});
	}

	private HttpResponse<String> post(String body) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/signals/prometheus"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer alertmanager-test-token-0001")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		return AlertFixtures.JSON.readTree(response.body());
	}

}
