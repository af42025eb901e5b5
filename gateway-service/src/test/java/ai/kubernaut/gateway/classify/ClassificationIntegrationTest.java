package ai.kubernaut.gateway.classify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import ai.kubernaut.gateway.GatewayIntegrationTest;
import ai.kubernaut.gateway.StubEngine;
import ai.kubernaut.testsupport.kubernetes.SandboxKubernetes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Classification, custom labels and detected labels as the engine receives them, over the
 * objects of the Kubernaut demo scenarios.
 */
@GatewayIntegrationTest
class ClassificationIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

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
	void handsTheEngineTheEnvironmentPriorityAndCustomAndDetectedLabels() throws Exception {
		// demo-payments is labelled kubernaut.ai/environment=production by the scenario;
		// the team label is what an operator adds.
		this.kubernetes.client().namespaces().withName("demo-payments").edit((namespace) -> {
			namespace.getMetadata().getLabels().put("kubernaut.ai/label-team", "payments");
			return namespace;
		});
		try {
			HttpResponse<String> response = post(alert("KubePodNotReady", "critical",
					Map.of("namespace", "demo-payments", "pod", "payment-service-qbwcf6mlv-nc7r5")));

			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			JsonNode sent = JSON.readTree(this.engine.creations().get(0).body());
			assertThat(sent.at("/target/kind").asString()).isEqualTo("Deployment");
			assertThat(sent.at("/target/name").asString()).isEqualTo("payment-service");
			assertThat(sent.at("/signal/environment").asString()).isEqualTo("production");
			assertThat(sent.at("/signal/severity").asString()).isEqualTo("critical");
			assertThat(sent.at("/signal/priority").asString()).isEqualTo("P0");
			assertThat(sent.get("customLabels").toString()).isEqualTo("{\"team\":[\"payments\"]}");
			assertThat(sent.get("detectedLabels").toString()).isEqualTo("{\"pdbProtected\":true}");
		}
		finally {
			this.kubernetes.client().namespaces().withName("demo-payments").edit((namespace) -> {
				namespace.getMetadata().getLabels().remove("kubernaut.ai/label-team");
				return namespace;
			});
		}
	}

	@ParameterizedTest(name = "{0} {1}/{2} is detected {3}")
	@CsvSource(delimiter = '|', textBlock = """
			deployment  | demo-storefront | worker       | {"helmManaged":true}
			deployment  | demo-webui      | web-frontend | {"gitOpsManaged":true,"gitOpsTool":"argocd"}
			deployment  | demo-gateway    | api-frontend | {"hpaEnabled":true}
			statefulset | demo-keystore   | kv-store     | {"stateful":true}
			deployment  | demo-frontend   | web-frontend | {"networkIsolated":true}
			deployment  | demo-mesh       | api-server   | {"serviceMesh":"istio"}
			deployment  | demo-shipping   | checkout-api | {}
			""")
	void detectsWhatTheClusterSaysAboutTheWorkload(String label, String namespace, String name, String detected)
			throws Exception {
		HttpResponse<String> response = post(
				alert("KubeDeploymentReplicasMismatch", "warning", Map.of("namespace", namespace, label, name)));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode sent = JSON.readTree(this.engine.creations().get(0).body());
		JsonNode actual = sent.path("detectedLabels").isMissingNode() ? JSON.readTree("{}")
				: sent.get("detectedLabels");
		// Compared as JSON trees: the order of members is not part of the contract.
		assertThat(actual).isEqualTo(JSON.readTree(detected));
	}

	@ParameterizedTest(name = "{0} in {1} is {2}")
	@CsvSource(delimiter = '|', textBlock = """
			critical | demo-payments  | P0
			high     | demo-payments  | P1
			warning  | demo-payments  | P3
			critical | demo-gateway   | P1
			info     | demo-gateway   | P2
			critical | sandbox-lab    | P3
			""")
	void prioritisesByTheMatrix(String severity, String namespace, String priority) throws Exception {
		String deployment = switch (namespace) {
			case "demo-payments" -> "payment-service";
			case "demo-gateway" -> "api-frontend";
			default -> "scratch";
		};
		if (namespace.equals("sandbox-lab")) {
			// Unmanaged: the scope gate answers before classification.
			assertThat(post(
					alert("KubePodCrashLooping", severity, Map.of("namespace", namespace, "deployment", deployment)))
				.statusCode()).isEqualTo(200);
			return;
		}
		HttpResponse<String> response = post(
				alert("KubePodCrashLooping", severity, Map.of("namespace", namespace, "deployment", deployment)));

		assertThat(JSON.readTree(response.body()).get("priority").asString()).isEqualTo(priority);
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

	private static String alert(String alertname, String severity, Map<String, String> labels) throws Exception {
		ObjectNode notification = (ObjectNode) JSON.readTree(
				new ClassPathResource("alerts/kube-prometheus-alert.json").getContentAsString(StandardCharsets.UTF_8));
		ObjectNode alertLabels = (ObjectNode) notification.get("alerts").get(0).get("labels");
		alertLabels.put("alertname", alertname);
		alertLabels.put("severity", severity);
		labels.forEach(alertLabels::put);
		return JSON.writeValueAsString(notification);
	}

}
