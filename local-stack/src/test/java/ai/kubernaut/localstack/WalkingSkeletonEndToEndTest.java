package ai.kubernaut.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import ai.kubernaut.testsupport.kubernetes.SandboxKubernetes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton across all five services, wired exactly as the local stack wires
 * them: an alert posted to the gateway ends as a changed Deployment in the (sandbox)
 * Kubernetes API, a completed remediation and a delivered notification.
 */
@ExtendWith(SharedSuite.class)
class WalkingSkeletonEndToEndTest {

	static final String TOKEN = SharedSuite.TOKEN;

	static final Path EXAMPLES = Path.of("..", "docs", "examples");

	static final JsonMapper json = JsonMapper.builder().build();

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static SandboxKubernetes sandbox;

	static Suite suite;

	@BeforeAll
	static void useTheSharedSuite(SharedSuite.Running running) {
		sandbox = running.sandbox();
		suite = running.suite();
		CatalogSeeder.Summary catalog = running.catalog();
		assertThat(catalog.failed()).as("catalog files rejected").isZero();
		assertThat(catalog.registered()).isGreaterThanOrEqualTo(69);
	}

	@Test
	void remediatesTheAlertingDeploymentAndRecordsEveryHop() throws Exception {
		HttpResponse<String> accepted = postAlert("alert-high-request-latency.json");

		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
		JsonNode created = json.readTree(accepted.body());
		assertThat(created.path("fingerprint").asString()).isEqualTo(sha256("demo-shop:Deployment:checkout"));
		String remediationId = created.path("remediationId").asString();

		JsonNode remediation = awaitTerminal(remediationId);
		assertThat(remediation.path("phase").asString()).as(remediation.toString()).isEqualTo("COMPLETED");
		assertThat(remediation.path("actionType").asString()).isEqualTo("ScaleReplicas");
		// The engine's native workflow wins over Kubernaut's Job bundle of equal score.
		assertThat(remediation.path("workflowName").asString()).isEqualTo("native-scale-replicas-v1");
		assertThat(remediation.path("steps").get(0).path("phase").asString()).isEqualTo("SUCCEEDED");
		assertThat(sandbox.client()
			.apps()
			.deployments()
			.inNamespace("demo-shop")
			.withName("checkout")
			.get()
			.getSpec()
			.getReplicas()).isEqualTo(3);

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			JsonNode notifications = getJson(ServiceId.NOTIFICATION,
					"/api/v1/notifications?remediationId=" + remediationId);
			assertThat(notifications.path("notifications")).hasSize(1);
			JsonNode notification = notifications.path("notifications").get(0);
			assertThat(notification.path("type").asString()).isEqualTo("REMEDIATION_COMPLETED");
			assertThat(notification.path("status").asString()).isEqualTo("DELIVERED");
		});
	}

	@Test
	void resolvesAPodAlertToTheDeploymentThatOwnsIt() throws Exception {
		HttpResponse<String> accepted = postAlert("alert-pod-high-request-latency.json");

		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
		JsonNode created = json.readTree(accepted.body());
		assertThat(created.path("fingerprint").asString()).isEqualTo(sha256("demo-staging:Deployment:checkout"));
		JsonNode remediation = awaitTerminal(created.path("remediationId").asString());
		assertThat(remediation.path("target").path("kind").asString()).isEqualTo("Deployment");
		assertThat(remediation.path("target").path("name").asString()).isEqualTo("checkout");
	}

	@Test
	void answersAnAlertWithoutAlertnameWithAProblemNamingTheField() throws Exception {
		HttpResponse<String> rejected = postAlert("alert-missing-alertname.json");

		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(rejected.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(rejected.body()).contains("alertname");
	}

	private static JsonNode awaitTerminal(String remediationId) {
		JsonNode[] last = new JsonNode[1];
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
			last[0] = getJson(ServiceId.WORKFLOW_ENGINE, "/api/v1/remediations/" + remediationId);
			String phase = last[0].path("phase").asString();
			return phase.equals("COMPLETED") || phase.equals("FAILED");
		});
		return last[0];
	}

	private static HttpResponse<String> postAlert(String example) throws Exception {
		// Alerts must be fresh to be accepted, so the example's startsAt is moved to now.
		String body = Files.readString(EXAMPLES.resolve(example))
			.replaceAll("\"startsAt\"\\s*:\\s*\"[^\"]*\"", "\"startsAt\": \"" + Instant.now() + "\"");
		HttpRequest request = HttpRequest.newBuilder(suite.url(ServiceId.GATEWAY).resolve("/api/v1/signals/prometheus"))
			.header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode getJson(ServiceId service, String path) throws Exception {
		URI uri = suite.url(service).resolve(path);
		HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TOKEN).GET().build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(uri + " → " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static String sha256(String value) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
	}

}
