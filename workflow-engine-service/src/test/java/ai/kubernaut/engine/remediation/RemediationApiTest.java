package ai.kubernaut.engine.remediation;

import java.time.Duration;
import java.util.List;
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
import ai.kubernaut.engine.execution.RecordingActions;
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
import org.springframework.jdbc.core.simple.JdbcClient;

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
	RecordingActions actions;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RoutingProperties routing;

	@Test
	void scalesTheAlertingDeploymentThroughADurableExecutionAndReportsEveryHop() {
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
		assertThat(done.outcome()).isEqualTo("Remediated");
		assertThat(done.actionType()).isEqualTo("ScaleReplicas");
		assertThat(done.workflowId()).isEqualTo(Fixtures.SCALE_WORKFLOW_ID);
		assertThat(done.workflowName()).isEqualTo("scale-replicas-v1");
		assertThat(done.approvalRequired()).isFalse();
		assertThat(done.executionId()).isNotNull();
		assertThat(done.steps()).singleElement().satisfies((step) -> {
			assertThat(step.action()).isEqualTo("scale_deployment");
			assertThat(step.phase()).isEqualTo(StepPhase.SUCCEEDED);
			assertThat(step.finishedAt()).isAfterOrEqualTo(step.startedAt());
		});
		assertThat(this.cluster.client()
			.apps()
			.deployments()
			.inNamespace("e2e-latency")
			.withName("api-frontend")
			.get()
			.getSpec()
			.getReplicas()).as("3 + the route's SCALE_REPLICAS +1").isEqualTo(4);
		JsonNode execution = this.json.readTree(get("/api/v1/workflow-executions/" + done.executionId()).getBody());
		assertThat(execution.get("workflowId").asString()).isEqualTo(Fixtures.SCALE_WORKFLOW_ID);
		assertThat(this.peers.calls()).filteredOn((call) -> call.path().endsWith("/actions/ScaleReplicas"))
			.anySatisfy((call) -> {
				assertThat(call.query()).contains("severity=critical", "component=apps/v1/Deployment",
						"environment=production", "priority=P1", "explain=true", "remediation_id=" + id);
				assertThat(call.authorization()).isEqualTo("Bearer engine-to-data-storage-token");
			});
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.peers.calls())
				.filteredOn(
						(call) -> call.path().equals("/api/v1/notifications") && call.body().contains(id.toString()))
				.singleElement()
				.satisfies((call) -> {
					JsonNode notification = this.json.readTree(call.body());
					assertThat(notification.get("type").asString())
						.isEqualTo(NotificationType.REMEDIATION_COMPLETED.name());
					assertThat(notification.get("subject").asString()).contains("HighRequestLatency",
							"Deployment/e2e-latency/api-frontend");
					assertThat(notification.get("body").asString()).contains("scale-replicas-v1");
				}));
		assertThat(auditTypes(id)).containsSubsequence("orchestrator.lifecycle.created", "remediation.workflow_created",
				"orchestrator.lifecycle.started", "orchestrator.lifecycle.completed");
		JsonNode workflowCreated = auditEvent(id, "remediation.workflow_created");
		assertThat(workflowCreated.get("event_data").get("target_resource").asString())
			.isEqualTo("e2e-latency/Deployment/api-frontend");
		assertThat(workflowCreated.get("event_data").get("workflow_id").asString())
			.isEqualTo(Fixtures.SCALE_WORKFLOW_ID);
		assertThat(workflowCreated.get("event_data").get("action_type").asString()).isEqualTo("ScaleReplicas");
		assertThat(this.http.getForObject("/actuator/prometheus", String.class))
			.containsPattern("kubernaut_remediations_total\\{[^}]*outcome=\"completed\"[^}]*result=\"Remediated\"")
			.contains("kubernaut_remediation_duration_seconds");
	}

	@Test
	void failsWithTheStepsReasonWhenTheDeploymentIsGone() {
		this.cluster.seed(Fixtures.deployment("e2e-gone", "another-deployment", 1));
		UUID id = post(Fixtures.remediationRequestJson("KubeHpaMaxedOut", "e2e-gone", "api-frontend"), WRITER,
				RemediationView.class)
			.getBody()
			.remediationId();

		RemediationView done = awaitFinished(id);

		assertThat(done.phase()).isEqualTo(RemediationPhase.FAILED);
		assertThat(done.outcome()).isEqualTo("Failed");
		assertThat(done.failureReason()).contains("scale_deployment", "e2e-gone");
		assertThat(done.steps()).extracting(StepView::phase).containsExactly(StepPhase.FAILED);
		assertThat(auditEvent(id, "orchestrator.lifecycle.failed").get("event_data").get("failure_reason").asString())
			.contains("e2e-gone");
	}

	@Test
	void skipsASecondRemediationOfABusyTargetAsResourceBusy() throws InterruptedException {
		this.actions.resetHold();
		UUID first = post(
				Fixtures.remediationRequestJson("Held", "Deployment", "busy-target", "api", route("HoldForTest")),
				WRITER, RemediationView.class)
			.getBody()
			.remediationId();
		this.actions.awaitHolding();
		try {
			UUID second = post(
					Fixtures.remediationRequestJson("Held", "Deployment", "busy-target", "api", route("CountForTest")),
					WRITER, RemediationView.class)
				.getBody()
				.remediationId();

			RemediationView skipped = awaitFinished(second);

			assertThat(skipped.phase()).isEqualTo(RemediationPhase.SKIPPED);
			assertThat(skipped.outcome()).isEqualTo("ResourceBusy");
			assertThat(skipped.failureReason()).contains(first.toString(), "busy-target/Deployment/api");
			assertThat(
					auditEvent(second, "orchestrator.routing.blocked").get("event_data").get("block_reason").asString())
				.isEqualTo("ResourceBusy");
			assertThat(metrics()).containsPattern("workflowexecution_skip_total\\{[^}]*reason=\"ResourceBusy\"");
		}
		finally {
			this.actions.releaseHold();
		}
		assertThat(awaitFinished(first).outcome()).isEqualTo("Remediated");
	}

	@Test
	void skipsARepeatOfTheSameWorkflowOnTheSameTargetWithinTheCooldown() {
		String request = Fixtures.remediationRequestJson("Counted", "Deployment", "cooldown", "api",
				route("CountForTest"));
		UUID first = post(request, WRITER, RemediationView.class).getBody().remediationId();
		assertThat(awaitFinished(first).outcome()).isEqualTo("Remediated");

		RemediationView repeat = awaitFinished(post(request, WRITER, RemediationView.class).getBody().remediationId());

		assertThat(repeat.phase()).isEqualTo(RemediationPhase.SKIPPED);
		assertThat(repeat.outcome()).isEqualTo("RecentlyRemediated");
		assertThat(repeat.failureReason()).contains("7c1e0000-0000-4000-8000-000000000002", "cooldown until");
		assertThat(metrics()).containsPattern("workflowexecution_skip_total\\{[^}]*reason=\"RecentlyRemediated\"");
	}

	@Test
	void backsOffATargetAfterAFailureBeforeAnythingRan() {
		String request = Fixtures.remediationRequestJson("Unknown", "Deployment", "backoff", "api",
				route("NoWorkflowForThis"));
		RemediationView failed = awaitFinished(post(request, WRITER, RemediationView.class).getBody().remediationId());
		assertThat(failed.phase()).isEqualTo(RemediationPhase.FAILED);
		assertThat(failed.failureReason()).contains("no runnable workflow for NoWorkflowForThis");

		RemediationView next = awaitFinished(post(request, WRITER, RemediationView.class).getBody().remediationId());

		assertThat(next.phase()).isEqualTo(RemediationPhase.SKIPPED);
		assertThat(next.outcome()).isEqualTo("ExponentialBackoff");
	}

	@Test
	void blocksATargetAfterThreeConsecutiveFailures() {
		this.actions.failNext("fail", 3);
		String request = Fixtures.remediationRequestJson("Failing", "Deployment", "blocked", "api",
				route("FailForTest"));
		for (int attempt = 0; attempt < 3; attempt++) {
			RemediationView failed = awaitFinished(
					post(request, WRITER, RemediationView.class).getBody().remediationId());
			assertThat(failed.outcome()).as(failed.failureReason()).isEqualTo("Failed");
		}

		RemediationView blocked = awaitFinished(post(request, WRITER, RemediationView.class).getBody().remediationId());

		assertThat(blocked.phase()).isEqualTo(RemediationPhase.SKIPPED);
		assertThat(blocked.outcome()).isEqualTo("ConsecutiveFailuresBlocked");
		assertThat(blocked.failureReason()).contains("3 consecutive failures", "blocked until");
	}

	@Test
	void gatesAProductionStatefulSetBehindOneApprovalAndRunsOnceApproved() {
		UUID id = post(Fixtures.remediationRequestJson("Counted", "StatefulSet", "gated", "db", route("CountForTest")),
				WRITER, RemediationView.class)
			.getBody()
			.remediationId();

		RemediationView waiting = await().atMost(Duration.ofSeconds(20))
			.until(() -> view(id), (view) -> view.phase() == RemediationPhase.AWAITING_APPROVAL);
		assertThat(waiting.approvalRequired()).isTrue();
		assertThat(waiting.steps()).extracting(StepView::phase).containsExactly(StepPhase.PENDING);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.peers.calls())
				.filteredOn((call) -> call.path().equals("/api/v1/approvals")
						&& call.body().contains(waiting.executionId().toString()))
				.singleElement()
				.satisfies((call) -> assertThat(call.body()).contains("StatefulSet in production", "approval-gate",
						"\"remediationId\":\"" + id + "\"", "\"actionType\":\"CountForTest\"",
						"\"workflowId\":\"7c1e0000-0000-4000-8000-000000000002\"")));
		assertThat(this.actions.calls(waiting.executionId())).as("nothing runs before approval").isEmpty();

		ResponseEntity<String> decided = this.http.exchange(
				"/api/v1/workflow-executions/" + waiting.executionId() + "/approval", HttpMethod.POST,
				new HttpEntity<>("{\"state\":\"APPROVED\",\"decidedBy\":\"alice\"}", headers(WRITER)), String.class);
		assertThat(decided.getStatusCode()).isEqualTo(HttpStatus.OK);

		RemediationView done = awaitFinished(id);
		assertThat(done.outcome()).isEqualTo("Remediated");
		assertThat(this.actions.calls(waiting.executionId())).extracting(RecordingActions.Call::action)
			.containsExactly("count");
	}

	@Test
	void cancelsAnActiveRemediationAndRefusesToCancelAFinishedOne() throws InterruptedException {
		this.actions.resetHold();
		UUID id = post(Fixtures.remediationRequestJson("Held", "Deployment", "cancelled", "api", route("HoldForTest")),
				WRITER, RemediationView.class)
			.getBody()
			.remediationId();
		this.actions.awaitHolding();
		try {
			ResponseEntity<RemediationView> cancelled = cancel(id, RemediationView.class);

			assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(cancelled.getBody().phase()).isEqualTo(RemediationPhase.CANCELLED);
			assertThat(cancelled.getBody().outcome()).isEqualTo("Cancelled");
			assertThat(cancelled.getBody().failureReason()).isEqualTo("alert resolved");
			assertThat(cancel(id, RemediationView.class).getBody().phase()).as("repeatable")
				.isEqualTo(RemediationPhase.CANCELLED);
		}
		finally {
			this.actions.releaseHold();
		}
		assertThat(this.json.readTree(get("/api/v1/workflow-executions/" + view(id).executionId()).getBody())
			.get("phase")
			.asString()).isEqualTo("Cancelled");
		UUID finished = post(
				Fixtures.remediationRequestJson("Counted", "Deployment", "finished", "api", route("CountForTest")),
				WRITER, RemediationView.class)
			.getBody()
			.remediationId();
		awaitFinished(finished);

		ResponseEntity<String> refused = cancel(finished, String.class);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(problem(refused).get("type").asString())
			.isEqualTo("https://kubernaut.ai/problems/remediation-finished");
		assertThat(cancel(UUID.randomUUID(), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void sendsTheApprovalRequestAgainWhenApprovalServiceWasDown() {
		this.peers.failApprovals(1);
		UUID id = post(
				Fixtures.remediationRequestJson("Counted", "StatefulSet", "approval-down", "db", route("CountForTest")),
				WRITER, RemediationView.class)
			.getBody()
			.remediationId();
		RemediationView waiting = await().atMost(Duration.ofSeconds(20))
			.until(() -> view(id), (view) -> view.phase() == RemediationPhase.AWAITING_APPROVAL);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql(
					"select count(*) from workflow_execution_step where execution_id = :id and approval_id is not null")
				.param("id", waiting.executionId())
				.query(Integer.class)
				.single() == 1);
		assertThat(this.peers.calls())
			.filteredOn((call) -> call.path().equals("/api/v1/approvals")
					&& call.body().contains(waiting.executionId().toString()))
			.hasSize(2);

		this.http.exchange("/api/v1/workflow-executions/" + waiting.executionId() + "/approval", HttpMethod.POST,
				new HttpEntity<>("{\"state\":\"APPROVED\",\"decidedBy\":\"alice\"}", headers(WRITER)), String.class);
		assertThat(awaitFinished(id).outcome()).isEqualTo("Remediated");
	}

	@Test
	void cancellingARemediationAwaitingApprovalWithdrawsTheApprovalRequest() {
		UUID id = post(
				Fixtures.remediationRequestJson("Counted", "StatefulSet", "withdrawn", "db", route("CountForTest")),
				WRITER, RemediationView.class)
			.getBody()
			.remediationId();
		RemediationView waiting = await().atMost(Duration.ofSeconds(20))
			.until(() -> view(id), (view) -> view.phase() == RemediationPhase.AWAITING_APPROVAL);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql(
					"select count(*) from workflow_execution_step where execution_id = :id and approval_id is not null")
				.param("id", waiting.executionId())
				.query(Integer.class)
				.single() == 1);

		assertThat(cancel(id, RemediationView.class).getBody().phase()).isEqualTo(RemediationPhase.CANCELLED);

		assertThat(this.peers.calls()).filteredOn((call) -> call.path().endsWith("/supersede"))
			.anySatisfy((call) -> assertThat(call.body()).contains("alert resolved"));
		assertThat(this.actions.calls(waiting.executionId())).as("nothing ran").isEmpty();
	}

	@Test
	void endsWithManualReviewRequiredWhenTheRouteSaysSo() {
		UUID id = post(Fixtures.remediationRequestJson("Mystery", "Deployment", "manual", "api",
				"{\"manualReview\": true, \"rule\": \"unknown-alert\", \"reason\": \"no rule matches Mystery\"}"),
				WRITER, RemediationView.class)
			.getBody()
			.remediationId();

		RemediationView done = awaitFinished(id);

		assertThat(done.phase()).isEqualTo(RemediationPhase.COMPLETED);
		assertThat(done.outcome()).isEqualTo("ManualReviewRequired");
		assertThat(done.failureReason()).isEqualTo("no rule matches Mystery");
		assertThat(done.executionId()).isNull();
		assertThat(auditTypes(id)).contains("orchestrator.remediation.manual_review");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.peers.calls())
				.filteredOn(
						(call) -> call.path().equals("/api/v1/notifications") && call.body().contains(id.toString()))
				.singleElement()
				.satisfies((call) -> assertThat(this.json.readTree(call.body()).get("type").asString())
					.isEqualTo(NotificationType.MANUAL_REVIEW.name())));
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

		ResponseEntity<String> response = get("/api/v1/remediations/" + unknown);

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

	private static String route(String actionType) {
		return "{\"actionType\": \"" + actionType + "\", \"rule\": \"test\"}";
	}

	private List<String> auditTypes(UUID remediationId) {
		return this.jdbc
			.sql("select event ->> 'event_type' from audit_outbox where event ->> 'correlation_id' = :id order by id")
			.param("id", remediationId.toString())
			.query(String.class)
			.list();
	}

	private JsonNode auditEvent(UUID remediationId, String type) {
		return this.json.readTree(this.jdbc
			.sql("select event::text from audit_outbox where event ->> 'correlation_id' = :id "
					+ "and event ->> 'event_type' = :type order by id limit 1")
			.param("id", remediationId.toString())
			.param("type", type)
			.query(String.class)
			.single());
	}

	private String metrics() {
		return this.http.getForObject("/actuator/prometheus", String.class);
	}

	private RemediationView view(UUID id) {
		return this.http
			.exchange("/api/v1/remediations/" + id, HttpMethod.GET, new HttpEntity<>(headers(READER)),
					RemediationView.class)
			.getBody();
	}

	private RemediationView awaitFinished(UUID id) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> view(id), (view) -> view != null && view.phase() != null && view.phase().isTerminal());
	}

	private <T> ResponseEntity<T> cancel(UUID id, Class<T> type) {
		return this.http.exchange("/api/v1/remediations/" + id + "/cancel", HttpMethod.POST,
				new HttpEntity<>("{\"reason\":\"alert resolved\"}", headers(WRITER)), type);
	}

	private ResponseEntity<String> get(String path) {
		return this.http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(READER)), String.class);
	}

	private <T> ResponseEntity<T> post(String body, String token, Class<T> type) {
		if (type == RemediationView.class) {
			ResponseEntity<String> raw = this.http.exchange("/api/v1/remediations", HttpMethod.POST,
					new HttpEntity<>(body, headers(token)), String.class);
			assertThat(raw.getStatusCode()).as(raw.getBody()).isEqualTo(HttpStatus.CREATED);
			return ResponseEntity.status(raw.getStatusCode())
				.headers(raw.getHeaders())
				.body(type.cast(this.json.readValue(raw.getBody(), RemediationView.class)));
		}
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
