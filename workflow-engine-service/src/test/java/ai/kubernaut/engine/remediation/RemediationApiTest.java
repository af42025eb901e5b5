package ai.kubernaut.engine.remediation;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.contracts.notification.NotificationType;
import ai.kubernaut.contracts.remediation.RemediationPhase;
import ai.kubernaut.contracts.remediation.RemediationView;
import ai.kubernaut.contracts.remediation.StepPhase;
import ai.kubernaut.contracts.remediation.StepView;
import ai.kubernaut.engine.Fixtures;
import ai.kubernaut.engine.PeerServicesStub;
import ai.kubernaut.engine.ServiceIntegrationTest;
import ai.kubernaut.engine.routing.RoutingProperties;
import ai.kubernaut.testsupport.kubernetes.SandboxKubernetes;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class RemediationApiTest {

	static final String WRITER = "test-gateway-token-0123456789";

	static final String READER = "test-viewer-token-0123456789";

	@Autowired
	TestRestTemplate http;

	@Autowired
	SandboxKubernetes cluster;

	@Autowired
	PeerServicesStub peers;

	@Autowired
	JsonMapper json;

	@Autowired
	RoutingProperties routing;

	@Test
	void scalesTheAlertingDeploymentAndReportsEveryHop() {
		this.cluster.seed(Fixtures.deployment("e2e-latency", "api-frontend", 3));

		ResponseEntity<RemediationView> created = post(
				Fixtures.remediationRequestJson("HighRequestLatency", "e2e-latency", "api-frontend"), WRITER,
				RemediationView.class);

		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		UUID id = created.getBody().remediationId();
		assertThat(created.getBody().phase()).isEqualTo(RemediationPhase.PENDING);
		assertThat(created.getHeaders().getLocation()).hasPath("/api/v1/remediations/" + id);
		RemediationView done = awaitFinished(id);
		assertThat(done.phase()).as(done.failureReason()).isEqualTo(RemediationPhase.COMPLETED);
		assertThat(done.actionType()).isEqualTo("ScaleReplicas");
		assertThat(done.workflowId()).isEqualTo(Fixtures.SCALE_WORKFLOW_ID);
		assertThat(done.workflowName()).isEqualTo("scale-replicas-v1");
		assertThat(done.completedAt()).isNotNull();
		assertThat(done.steps()).singleElement().satisfies((step) -> {
			assertThat(step.action()).isEqualTo("scale_deployment");
			assertThat(step.phase()).isEqualTo(StepPhase.SUCCEEDED);
			assertThat(step.parameters()).containsEntry("SCALE_REPLICAS", "+1")
				.containsEntry("TARGET_RESOURCE_NAMESPACE", "e2e-latency")
				.containsEntry("TARGET_RESOURCE_NAME", "api-frontend")
				.containsEntry("TARGET_RESOURCE_KIND", "Deployment");
			assertThat(step.output()).containsEntry("previousReplicas", 3).containsEntry("replicas", 4);
			assertThat(step.startedAt()).isNotNull();
			assertThat(step.finishedAt()).isAfterOrEqualTo(step.startedAt());
		});
		assertThat(this.cluster.client()
			.apps()
			.deployments()
			.inNamespace("e2e-latency")
			.withName("api-frontend")
			.get()
			.getSpec()
			.getReplicas()).isEqualTo(4);
		assertThat(this.peers.calls()).filteredOn((call) -> call.path().endsWith("/actions/ScaleReplicas"))
			.anySatisfy((call) -> {
				assertThat(call.query()).contains("severity=critical", "component=apps/v1/Deployment",
						"environment=production", "priority=P1", "offset=0", "limit=10");
				assertThat(call.authorization()).isEqualTo("Bearer engine-to-data-storage-token");
			});
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.peers.calls())
				.filteredOn(
						(call) -> call.path().equals("/api/v1/notifications") && call.body().contains(id.toString()))
				.singleElement()
				.satisfies((call) -> {
					assertThat(call.authorization()).isEqualTo("Bearer engine-to-notification-token");
					JsonNode notification = this.json.readTree(call.body());
					assertThat(notification.get("type").asString())
						.isEqualTo(NotificationType.REMEDIATION_COMPLETED.name());
					assertThat(notification.get("subject").asString()).contains("HighRequestLatency",
							"Deployment/e2e-latency/api-frontend");
					assertThat(notification.get("body").asString()).contains("scale-replicas-v1",
							"previousReplicas=3, replicas=4");
				}));
		assertThat(this.http.getForObject("/actuator/prometheus", String.class))
			.containsPattern("kubernaut_remediations_total\\{[^}]*outcome=\"completed\"")
			.containsPattern("kubernaut_remediation_steps_total\\{[^}]*action=\"scale_deployment\"")
			.contains("kubernaut_remediation_duration_seconds");
	}

	@Test
	void failsWithTheReasonWhenTheDeploymentIsGone() {
		UUID id = post(Fixtures.remediationRequestJson("KubeHpaMaxedOut", "e2e-gone", "api-frontend"), WRITER,
				RemediationView.class)
			.getBody()
			.remediationId();

		RemediationView done = awaitFinished(id);

		assertThat(done.phase()).isEqualTo(RemediationPhase.FAILED);
		assertThat(done.failureReason())
			.isEqualTo("step scale_deployment failed: Deployment e2e-gone/api-frontend does not exist");
		assertThat(done.steps()).extracting(StepView::phase).containsExactly(StepPhase.FAILED);
	}

	@Test
	void refusesWorkWith503WhenEveryWorkerIsBusyAndTheQueueIsFull() {
		this.peers.holdCatalog();
		try {
			UUID running = post(Fixtures.remediationRequestJson("KubeHpaMaxedOut", "busy", "first"), WRITER,
					RemediationView.class)
				.getBody()
				.remediationId();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.peers.heldCalls() == 1);
			UUID queued = post(Fixtures.remediationRequestJson("KubeHpaMaxedOut", "busy", "second"), WRITER,
					RemediationView.class)
				.getBody()
				.remediationId();

			ResponseEntity<String> refused = post(Fixtures.remediationRequestJson("KubeHpaMaxedOut", "busy", "third"),
					WRITER, String.class);

			assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
			assertThat(problem(refused).get("type").asString()).isEqualTo("https://kubernaut.ai/problems/engine-busy");
			this.peers.release();
			assertThat(awaitFinished(running).phase()).isEqualTo(RemediationPhase.FAILED);
			assertThat(awaitFinished(queued).phase()).isEqualTo(RemediationPhase.FAILED);
		}
		finally {
			this.peers.release();
		}
	}

	@Test
	void rejectsABodyWithoutFingerprintNamingTheField() {
		String body = Fixtures.remediationRequestJson("HighRequestLatency", "bad", "api")
			.replace("\"fingerprint\": \"fp-bad-api\",", "");

		ResponseEntity<String> response = post(body, WRITER, String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(problem(response).get("errors")).as(response.getBody())
			.isNotNull()
			.anySatisfy((error) -> assertThat(error.get("field").asString()).isEqualTo("fingerprint"));
	}

	@Test
	void requiresABearerToken() {
		ResponseEntity<String> response = this.http.exchange("/api/v1/remediations", HttpMethod.POST,
				new HttpEntity<>(Fixtures.remediationRequestJson("HighRequestLatency", "anon", "api"), headers(null)),
				String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aReadOnlyTokenCannotStartARemediation() {
		ResponseEntity<String> response = post(Fixtures.remediationRequestJson("HighRequestLatency", "ro", "api"),
				READER, String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void answers404ForAnUnknownRemediation() {
		UUID unknown = UUID.randomUUID();

		ResponseEntity<String> response = this.http.exchange("/api/v1/remediations/" + unknown, HttpMethod.GET,
				new HttpEntity<>(headers(READER)), String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		JsonNode problem = problem(response);
		assertThat(problem.get("type").asString()).isEqualTo("https://kubernaut.ai/problems/remediation-not-found");
		assertThat(problem.get("remediationId").asString()).isEqualTo(unknown.toString());
	}

	@Test
	void routesTheDefaultAlertsToScaleReplicasByOne() {
		assertThat(this.routing.rules()).extracting(RoutingProperties.Rule::alertName)
			.containsExactly("HighRequestLatency", "KubeDeploymentReplicasMismatch", "KubeHpaMaxedOut");
		assertThat(this.routing.rules()).allSatisfy((rule) -> {
			assertThat(rule.actionType()).isEqualTo("ScaleReplicas");
			assertThat(rule.parameters()).isEqualTo(Map.of("SCALE_REPLICAS", "+1"));
		});
	}

	private RemediationView awaitFinished(UUID id) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> this.http
				.exchange("/api/v1/remediations/" + id, HttpMethod.GET, new HttpEntity<>(headers(READER)),
						RemediationView.class)
				.getBody(), (view) -> view != null && view.phase().isTerminal());
	}

	private <T> ResponseEntity<T> post(String body, String token, Class<T> type) {
		return this.http.exchange("/api/v1/remediations", HttpMethod.POST, new HttpEntity<>(body, headers(token)),
				type);
	}

	private JsonNode problem(ResponseEntity<String> response) {
		assertThat(response.getHeaders().getContentType()).isNotNull()
			.satisfies((type) -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
		return this.json.readTree(response.getBody());
	}

	private static HttpHeaders headers(String token) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
		if (token != null) {
			headers.setBearerAuth(token);
		}
		return headers;
	}

}
