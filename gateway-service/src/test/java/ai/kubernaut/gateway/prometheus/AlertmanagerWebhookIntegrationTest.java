package ai.kubernaut.gateway.prometheus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

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

@GatewayIntegrationTest
class AlertmanagerWebhookIntegrationTest {

	private static final String ALERTMANAGER_TOKEN = "alertmanager-test-token-0001";

	private static final String READ_ONLY_TOKEN = "dashboard-read-only-token-01";

	/** {@code printf 'prod-eu-1:demo-shop:Deployment:checkout' | sha256sum} */
	private static final String CHECKOUT_IN_PROD_EU_1 = "20c21649d287b351f78379d1615dfc19e08e5f14cc5bc830778173c6135f0370";

	/** {@code printf 'demo-shop:Deployment:checkout' | sha256sum} */
	private static final String CHECKOUT = "1d36337a5d1390adc2b20845cea02f4e62c3ae1fd760170d2765cdf6d9c78535";

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
	void resetEngineAndDedup() {
		this.engine.reset();
		this.jdbc.sql("delete from signal_dedup").update();
	}

	@Test
	void createsARemediationForTheDeploymentTheAlertNames() throws Exception {
		HttpResponse<String> response = post(AlertFixtures.json("kube-deployment-replicas-mismatch"));

		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode body = json(response);
		assertThat(body.get("status").asString()).isEqualTo("created");
		assertThat(body.get("fingerprint").asString()).isEqualTo(CHECKOUT_IN_PROD_EU_1);
		assertThat(body.get("remediationId").asString()).isEqualTo(this.engine.lastIssuedId().toString());
		assertThat(body.get("target").get("kind").asString()).isEqualTo("Deployment");
		assertThat(body.get("target").get("name").asString()).isEqualTo("checkout");
		assertThat(body.get("environment").asString()).isEqualTo("production");
		assertThat(body.get("priority").asString()).isEqualTo("P0");

		assertThat(this.engine.received()).singleElement().satisfies((request) -> {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.path()).isEqualTo("/api/v1/remediations");
			assertThat(request.authorization()).isEqualTo("Bearer gateway-to-engine-token-0001");
			JsonNode sent = AlertFixtures.JSON.readTree(request.body());
			assertThat(sent.get("fingerprint").asString()).isEqualTo(CHECKOUT_IN_PROD_EU_1);
			assertThat(sent.at("/signal/name").asString()).isEqualTo("KubeDeploymentReplicasMismatch");
			assertThat(sent.at("/signal/severity").asString()).isEqualTo("critical");
			assertThat(sent.at("/signal/environment").asString()).isEqualTo("production");
			assertThat(sent.at("/signal/priority").asString()).isEqualTo("P0");
			assertThat(sent.at("/signal/source").asString()).isEqualTo("prometheus");
			assertThat(sent.at("/signal/startsAt").asString()).isEqualTo("2026-03-14T02:40:00Z");
			assertThat(sent.at("/signal/labels/cluster").asString()).isEqualTo("prod-eu-1");
			assertThat(sent.at("/target/namespace").asString()).isEqualTo("demo-shop");
			assertThat(sent.at("/target/name").asString()).isEqualTo("checkout");
		});
		assertThat(lastLogEntry("KubeDeploymentReplicasMismatch")).containsEntry("outcome", "created")
			.containsEntry("fingerprint", CHECKOUT_IN_PROD_EU_1)
			.containsEntry("target_kind", "Deployment")
			.containsEntry("target_name", "checkout")
			.containsEntry("remediation_id", this.engine.lastIssuedId());
	}

	@Test
	void resolvesTheAlertingPodToItsDeployment() throws Exception {
		String pod = this.kubernetes.client()
			.pods()
			.inNamespace("demo-shop")
			.withLabel("app", "checkout")
			.list()
			.getItems()
			.get(0)
			.getMetadata()
			.getName();

		HttpResponse<String> response = post(
				AlertFixtures.json("high-request-latency", AlertFixtures.withLabel("pod", pod)));

		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode body = json(response);
		assertThat(body.get("fingerprint").asString()).isEqualTo(CHECKOUT);
		assertThat(body.get("target").get("kind").asString()).isEqualTo("Deployment");
		// A warning in production is P3 in the default matrix: P0-P2 are for
		// critical/high.
		assertThat(body.get("priority").asString()).isEqualTo("P3");
		assertThat(AlertFixtures.JSON.readTree(this.engine.received().get(0).body()).at("/target/kind").asString())
			.isEqualTo("Deployment");
	}

	@Test
	void rejectsAnAlertAboutAnUnmanagedNamespaceWithoutStartingAnything() throws Exception {
		HttpResponse<String> response = post(AlertFixtures.json("unmanaged-namespace"));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response);
		assertThat(body.get("status").asString()).isEqualTo("rejected");
		assertThat(body.at("/rejection/reason").asString()).isEqualTo("unmanaged_resource");
		assertThat(body.at("/target/name").asString()).isEqualTo("scratch");
		assertThat(this.engine.received()).isEmpty();
		assertThat(lastLogEntry("KubeDeploymentReplicasMismatch")).containsEntry("outcome", "rejected")
			.containsEntry("reason", "unmanaged_resource");
	}

	@Test
	void rejectsAWorkloadThatOptedOutOfItsManagedNamespace() throws Exception {
		HttpResponse<String> response = post(AlertFixtures.json("kube-deployment-replicas-mismatch",
				AlertFixtures.withLabel("deployment", "legacy-batch")));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).at("/rejection/reason").asString()).isEqualTo("unmanaged_resource");
		assertThat(this.engine.received()).isEmpty();
	}

	@Test
	void ignoresAResolvedAlert() throws Exception {
		HttpResponse<String> response = post(AlertFixtures.json("kube-pod-crash-looping-resolved"));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response);
		assertThat(body.get("status").asString()).isEqualTo("ignored");
		assertThat(body.get("reason").asString()).isEqualTo("resolved");
		assertThat(this.engine.received()).isEmpty();
		assertThat(lastLogEntry("KubePodCrashLooping")).containsEntry("outcome", "ignored");
	}

	@Test
	void rejectsAnAlertAboutAnUnknownDeploymentNamingWhatWasLookedUp() throws Exception {
		HttpResponse<String> response = post(AlertFixtures.json("unknown-deployment"));

		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode problem = json(response);
		assertThat(problem.get("type").asString()).isEqualTo("https://kubernaut.ai/problems/target-not-found");
		assertThat(problem.get("detail").asString()).contains("Deployment demo-shop/payments-ghost");
		assertThat(problem.get("lookedUp").get(0).asString()).isEqualTo("Deployment demo-shop/payments-ghost");
		assertThat(this.engine.received()).isEmpty();
		assertThat(lastLogEntry("KubeDeploymentReplicasMismatch")).containsEntry("outcome", "rejected")
			.containsEntry("reason", "target_not_found");
	}

	@Test
	void rejectsAnAlertWithoutAlertnameNamingTheField() throws Exception {
		HttpResponse<String> response = post(AlertFixtures.json("missing-alertname"));

		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode problem = json(response);
		assertThat(problem.get("type").asString()).isEqualTo("https://kubernaut.ai/problems/validation-error");
		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("alerts[0].labels.alertname");
	}

	@Test
	void rejectsANotificationWithoutAlerts() throws Exception {
		HttpResponse<String> response = post(AlertFixtures.json("no-alerts"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).at("/errors/0/field").asString()).isEqualTo("alerts");
	}

	@Test
	void answersSeveralAlertsWithAMultiStatusResultPerAlert() throws Exception {
		HttpResponse<String> response = post(AlertFixtures.json("batch-mixed"));

		assertThat(response.statusCode()).isEqualTo(207);
		JsonNode body = json(response);
		assertThat(body.at("/results/0/status").asString()).isEqualTo("created");
		assertThat(body.at("/results/0/fingerprint").asString()).isEqualTo(CHECKOUT);
		assertThat(body.at("/results/1/status").asString()).isEqualTo("duplicate");
		assertThat(body.at("/results/1/metadata/count").asInt()).isEqualTo(2);
		assertThat(body.at("/results/2/status").asString()).isEqualTo("rejected");
		assertThat(body.at("/results/2/rejection/reason").asString()).isEqualTo("unmanaged_resource");
		assertThat(body.at("/results/3/status").asString()).isEqualTo("invalid");
		assertThat(body.at("/results/3/error").asString()).contains("alerts[3].labels.alertname");
		assertThat(body.get("summary").toString())
			.isEqualTo("{\"total\":4,\"created\":1,\"deduplicated\":1,\"rejected\":1,\"ignored\":0,\"failed\":1}");
		assertThat(this.engine.creations()).hasSize(1);
	}

	@Test
	void rejectsAStaleXTimestampAsAReplay() throws Exception {
		HttpRequest request = request("application/json", ALERTMANAGER_TOKEN)
			.header("X-Timestamp", Long.toString(Instant.now().minusSeconds(600).getEpochSecond()))
			.POST(HttpRequest.BodyPublishers.ofString(AlertFixtures.json("kube-deployment-replicas-mismatch")))
			.build();

		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).at("/errors/0/field").asString()).isEqualTo("X-Timestamp");
		assertThat(this.engine.received()).isEmpty();
	}

	@Test
	void acceptsAFreshXTimestamp() throws Exception {
		HttpRequest request = request("application/json", ALERTMANAGER_TOKEN)
			.header("X-Timestamp", Long.toString(Instant.now().getEpochSecond()))
			.POST(HttpRequest.BodyPublishers.ofString(AlertFixtures.json("kube-deployment-replicas-mismatch")))
			.build();

		assertThat(this.http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
	}

	@Test
	void rejectsAnAlertStartingInTheFuture() throws Exception {
		HttpResponse<String> response = post(AlertFixtures.json("kube-deployment-replicas-mismatch",
				AlertFixtures.firstAlert((alert) -> alert.put("startsAt", Instant.now().plusSeconds(600).toString()))));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).at("/errors/0/field").asString()).isEqualTo("alerts[].startsAt");
	}

	@Test
	void recordsAResolvedAlertAgainstTheFingerprintItResolves() throws Exception {
		post(AlertFixtures.json("kube-deployment-replicas-mismatch"));

		HttpResponse<String> response = post(AlertFixtures.json("kube-deployment-replicas-mismatch",
				AlertFixtures.firstAlert((alert) -> alert.put("status", "resolved"))));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).get("fingerprint").asString()).isEqualTo(CHECKOUT_IN_PROD_EU_1);
		assertThat(this.jdbc.sql("select resolved_at is not null from signal_dedup where fingerprint = :fp")
			.param("fp", CHECKOUT_IN_PROD_EU_1)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void rejectsMalformedJson() throws Exception {
		HttpResponse<String> response = post("{\"alerts\": [", "application/json", ALERTMANAGER_TOKEN);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).get("type").asString()).isEqualTo("https://kubernaut.ai/problems/malformed-request");
	}

	@Test
	void rejectsAMalformedTimestampNamingTheField() throws Exception {
		HttpResponse<String> response = post(AlertFixtures.json("high-request-latency",
				AlertFixtures.firstAlert((alert) -> alert.put("startsAt", "yesterday"))));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).get("field").asString()).isEqualTo("alerts[0].startsAt");
	}

	@Test
	void rejectsABodyThatIsNotJson() throws Exception {
		HttpResponse<String> response = post("alertname=HighRequestLatency", "text/plain", ALERTMANAGER_TOKEN);

		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(json(response).get("type").asString())
			.isEqualTo("https://kubernaut.ai/problems/unsupported-media-type");
	}

	@Test
	void rejectsABodyOverTheLimit() throws Exception {
		HttpResponse<String> response = post(oversizedNotification(), "application/json", ALERTMANAGER_TOKEN);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(json(response).get("type").asString()).isEqualTo("https://kubernaut.ai/problems/payload-too-large");
	}

	@Test
	void rejectsAChunkedBodyOverTheLimitThatDeclaresNoLength() throws Exception {
		byte[] body = oversizedNotification().getBytes(StandardCharsets.UTF_8);
		HttpRequest request = request("application/json", ALERTMANAGER_TOKEN)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();

		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
	}

	@Test
	void requiresABearerToken() throws Exception {
		HttpResponse<String> response = post(AlertFixtures.json("kube-deployment-replicas-mismatch"),
				"application/json", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(this.engine.received()).isEmpty();
	}

	@Test
	void turnsAwayAnUnauthenticatedSenderBeforeReadingItsBody() throws Exception {
		HttpResponse<String> response = post(oversizedNotification(), "application/json", null);

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void requiresTheWriteRole() throws Exception {
		HttpResponse<String> response = post(AlertFixtures.json("kube-deployment-replicas-mismatch"),
				"application/json", READ_ONLY_TOKEN);

		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void answers503WhenTheEngineDoesNotAnswerSoAlertmanagerRetries() throws Exception {
		this.engine.dropConnections();

		HttpResponse<String> response = post(AlertFixtures.json("kube-deployment-replicas-mismatch"));

		assertThat(response.statusCode()).isEqualTo(503);
		JsonNode problem = json(response);
		assertThat(problem.get("type").asString()).isEqualTo("https://kubernaut.ai/problems/upstream-unavailable");
		assertThat(problem.get("service").asString()).isEqualTo("workflow-engine");
		assertThat(lastLogEntry("KubeDeploymentReplicasMismatch")).containsEntry("outcome", "failed")
			.containsEntry("reason", "engine_unavailable");
	}

	@Test
	void answers502WithTheEnginesExplanationWhenTheEngineRefuses() throws Exception {
		this.engine.refuse(400, """
				{"type":"https://kubernaut.ai/problems/validation-error","title":"Validation Error","status":400,
				 "detail":"The request is invalid: signal.priority: must not be blank"}
				""");

		HttpResponse<String> response = post(AlertFixtures.json("kube-deployment-replicas-mismatch"));

		assertThat(response.statusCode()).isEqualTo(502);
		JsonNode problem = json(response);
		assertThat(problem.get("type").asString()).isEqualTo("https://kubernaut.ai/problems/upstream-error");
		assertThat(problem.get("upstreamStatus").asInt()).isEqualTo(400);
		assertThat(problem.get("detail").asString()).contains("signal.priority: must not be blank");
	}

	@Test
	void countsSignalsByOutcome() throws Exception {
		post(AlertFixtures.json("kube-deployment-replicas-mismatch"));
		post(AlertFixtures.json("missing-alertname"));

		HttpResponse<String> scrape = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(scrape.body()).containsPattern("kubernaut_gateway_signals_total\\{[^}]*outcome=\"created\"")
			.containsPattern("kubernaut_gateway_signals_total\\{[^}]*outcome=\"invalid\"")
			.contains("gateway_signals_received_total")
			.contains("gateway_remediation_creations_total")
			.contains("gateway_signals_parse_dropped_total")
			.contains("gateway_owner_resolution_total")
			.contains("gateway_signal_age_seconds_bucket")
			.contains("gateway_remediation_creation_seconds_bucket")
			.contains("gateway_signal_processing_seconds_bucket");
	}

	private HttpResponse<String> post(String body) throws IOException, InterruptedException {
		return post(body, "application/json", ALERTMANAGER_TOKEN);
	}

	private HttpResponse<String> post(String body, String contentType, String token)
			throws IOException, InterruptedException {
		HttpRequest request = request(contentType, token).POST(HttpRequest.BodyPublishers.ofString(body)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String contentType, String token) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/signals/prometheus"))
			.header("Content-Type", contentType);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

	private static JsonNode json(HttpResponse<String> response) {
		return AlertFixtures.JSON.readTree(response.body());
	}

	/**
	 * A valid notification padded with an annotation to 300 KB, over the 256 KB limit.
	 */
	private static String oversizedNotification() {
		return AlertFixtures.json("high-request-latency", AlertFixtures
			.firstAlert((alert) -> ((ObjectNode) alert.get("annotations")).put("description", "x".repeat(300 * 1024))));
	}

	private Map<String, Object> lastLogEntry(String alertName) {
		return this.jdbc.sql("""
				select outcome, reason, fingerprint, target_kind, target_name, remediation_id
				  from signal_log where alert_name = :alertName order by id desc limit 1
				""").param("alertName", alertName).query().singleRow();
	}

}
