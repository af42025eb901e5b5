package ai.kubernaut.engine.execution;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import ai.kubernaut.contracts.approval.ApprovalCallback;
import ai.kubernaut.contracts.approval.ApprovalState;
import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.engine.PeerServicesStub;
import ai.kubernaut.engine.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
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

@ServiceIntegrationTest
class WorkflowExecutionApiTest {

	static final String WRITER = "test-gateway-token-0123456789";

	static final ResourceRef PAYMENT = new ResourceRef("Deployment", "production", "payment-service");

	@Autowired
	TestRestTemplate http;

	@Autowired
	JsonMapper json;

	@Autowired
	RecordingActions actions;

	@Autowired
	PeerServicesStub peers;

	@Test
	void runsTheSeedRecommendationAsIsAndWaitsAtTheGateUntilApproved() {
		ResponseEntity<WorkflowExecutionView> created = post("",
				Map.of("definition", fixture("oomkill-recommendations.json"), "target", PAYMENT),
				WorkflowExecutionView.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		UUID id = created.getBody().id();

		WorkflowExecutionView waiting = await(id, (view) -> view.phase() == ExecutionPhase.WaitingForApproval);

		assertThat(phases(waiting)).containsExactly("completed", "completed", "completed", "waiting-approval",
				"pending", "pending", "pending");
		assertThat(this.actions.calls(id)).extracting(RecordingActions.Call::stepId)
			.doesNotContain("rec-004", "rec-005", "rec-006", "rec-007");
		String graph = this.http
			.exchange("/api/v1/workflow-executions/" + id + "/graph", HttpMethod.GET, new HttpEntity<>(headers()),
					String.class)
			.getBody();
		assertThat(graph).contains("Step 4: restart_pod (APPROVAL GATE) [waiting-approval]")
			.contains("Step 1: collect_diagnostics (parallel) [completed]");

		PeerServicesStub.Call approvalRequest = org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.peers.calls()
				.stream()
				.filter((call) -> call.path().equals("/api/v1/approvals") && call.body().contains(id.toString()))
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
		JsonNode approvalBody = this.json.readTree(approvalRequest.body());
		assertThat(approvalBody.get("steps").get(0).asString()).isEqualTo("rec-004");
		assertThat(approvalBody.get("risk").asString()).isEqualTo("medium");
		assertThat(approvalBody.get("graph").asString()).contains("restart_pod (APPROVAL GATE) [waiting-approval]");
		assertThat(approvalBody.get("callbackUrl").asString())
			.endsWith("/api/v1/workflow-executions/" + id + "/approval");
		assertThat(approvalBody.get("parameters").get("strategy").asString()).isEqualTo("rolling");

		ApprovalCallback approved = new ApprovalCallback(UUID.randomUUID(), null, id, List.of("rec-004"),
				ApprovalState.APPROVED, "alice", "go", Instant.now(), null);
		post("/" + id + "/approval", approved, WorkflowExecutionView.class);
		post("/" + id + "/approval", approved, WorkflowExecutionView.class);
		WorkflowExecutionView done = await(id, (view) -> view.phase().isTerminal());

		assertThat(done.phase()).as(done.reason()).isEqualTo(ExecutionPhase.Completed);
		assertThat(done.progress()).isEqualTo(100);
		List<RecordingActions.Call> calls = this.actions.calls(id);
		assertThat(calls).extracting(RecordingActions.Call::stepId)
			.containsExactlyInAnyOrder("rec-001", "rec-002", "rec-003", "rec-004", "rec-005", "rec-006", "rec-007");
		// Parallel pairs met at a barrier, so each pair overlapped; each level started
		// after the previous ended.
		assertThat(start(calls, "rec-003")).isAfterOrEqualTo(end(calls, "rec-001"))
			.isAfterOrEqualTo(end(calls, "rec-002"));
		assertThat(start(calls, "rec-004")).isAfterOrEqualTo(end(calls, "rec-003"));
		assertThat(start(calls, "rec-005")).isAfterOrEqualTo(end(calls, "rec-004"));
		assertThat(start(calls, "rec-007")).isAfterOrEqualTo(end(calls, "rec-005"))
			.isAfterOrEqualTo(end(calls, "rec-006"));
		assertThat(done.steps()).allSatisfy((step) -> assertThat(step.attempts()).isEqualTo(1));
	}

	@Test
	void rejectsACyclicDefinitionListingThePathAndEveryOtherError() {
		Map<String, Object> definition = Map.of("steps",
				List.of(Map.of("id", "a", "action", "count", "dependsOn", List.of("c")),
						Map.of("id", "b", "action", "count", "dependsOn", List.of("a")),
						Map.of("id", "c", "action", "count", "dependsOn", List.of("b")),
						Map.of("id", "d", "action", "launch_missiles"), Map.of("id", "e", "action", "wait")));

		ResponseEntity<JsonNode> response = post("", Map.of("definition", definition, "target", PAYMENT),
				JsonNode.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("type").asString()).endsWith("/invalid-workflow");
		assertThat(response.getBody().get("errors").valueStream().map((error) -> error.get("message").asString()))
			.anySatisfy((message) -> assertThat(message).contains("a → b → c → a"))
			.anySatisfy((message) -> assertThat(message).contains("unknown action 'launch_missiles'"))
			.anySatisfy((message) -> assertThat(message).contains("requires parameter 'duration'"));
	}

	@Test
	void answersConflictForAnIllegalTransitionAndNotFoundForAnUnknownId() {
		UUID id = submit(Map.of("steps", List.of(Map.of("id", "only", "action", "count"))), Map.of()).id();
		await(id, (view) -> view.phase() == ExecutionPhase.Completed);

		assertThat(post("/" + id + "/resume", "", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(post("/" + id + "/cancel", "", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(post("/" + UUID.randomUUID() + "/pause", "", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void streamsEveryCommittedTransitionAsServerSentEvents() {
		UUID id = submit(Map.of("steps", List.of(Map.of("id", "streamed", "action", "count"))), Map.of()).id();
		await(id, (view) -> view.phase() == ExecutionPhase.Completed);
		HttpHeaders headers = headers();
		headers.setAccept(List.of(MediaType.TEXT_EVENT_STREAM));

		String stream = this.http
			.exchange("/api/v1/workflow-executions/" + id + "/events", HttpMethod.GET, new HttpEntity<>(headers),
					String.class)
			.getBody();

		assertThat(stream).contains("event:execution", "event:step", "\"stepId\":\"streamed\"", "\"phase\":\"running\"",
				"\"phase\":\"completed\"", "\"phase\":\"Completed\"");
	}

	@Test
	void retriesAFailingStepWithBackoffUntilItSucceeds() {
		this.actions.failNext("flaky-twice", 2);
		UUID id = submit(Map.of("steps",
				List.of(Map.of("id", "flaky-twice", "action", "flaky", "retry",
						Map.of("maxAttempts", 3, "backoff", "200ms", "multiplier", 2)),
						Map.of("id", "after", "action", "count", "dependsOn", List.of("flaky-twice")))),
				Map.of())
			.id();

		WorkflowExecutionView done = await(id, (v) -> v.phase().isTerminal());

		assertThat(done.phase()).isEqualTo(ExecutionPhase.Completed);
		assertThat(done.steps().get(0).attempts()).isEqualTo(3);
		List<RecordingActions.Call> attempts = this.actions.calls(id)
			.stream()
			.filter((call) -> call.stepId().equals("flaky-twice"))
			.toList();
		assertThat(attempts).extracting(RecordingActions.Call::error)
			.containsExactly("flaky failure, 1 left", "flaky failure, 0 left", null);
		assertThat(Duration.between(attempts.get(0).endedAt(), attempts.get(1).startedAt()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(200));
		assertThat(Duration.between(attempts.get(1).endedAt(), attempts.get(2).startedAt()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(400));
	}

	@Test
	void timesOutAStepThatRunsTooLongAndFailsTheRun() {
		UUID id = submit(Map.of("steps",
				List.of(Map.of("id", "slow", "action", "wait", "timeout", "300ms", "parameters",
						Map.of("duration", "1h")),
						Map.of("id", "after", "action", "count", "dependsOn", List.of("slow")))),
				Map.of())
			.id();

		WorkflowExecutionView done = await(id, (view) -> view.phase().isTerminal());

		assertThat(done.phase()).isEqualTo(ExecutionPhase.Failed);
		assertThat(done.steps().get(0).error()).isEqualTo("timed out after 300ms");
		assertThat(done.steps().get(1).phase()).isEqualTo("skipped");
	}

	@Test
	void timesOutTheWholeWorkflowAtItsDeadline() {
		UUID id = submit(
				Map.of("strategy", Map.of("timeout", "400ms"), "steps",
						List.of(Map.of("id", "slow", "action", "wait", "parameters", Map.of("duration", "1h")))),
				Map.of())
			.id();

		WorkflowExecutionView done = await(id, (view) -> view.phase().isTerminal());

		assertThat(done.phase()).isEqualTo(ExecutionPhase.TimedOut);
		assertThat(done.steps().get(0).error()).isEqualTo("the workflow timed out after 400ms");
	}

	@Test
	void continuesIndependentBranchesAfterAFailureWhenAskedTo() {
		this.actions.failNext("broken", 1);
		WorkflowExecutionView view = submit(Map.of("strategy", Map.of("failure", "continue-on-error"), "steps",
				List.of(Map.of("id", "broken", "action", "flaky"),
						Map.of("id", "dependent", "action", "count", "dependsOn", List.of("broken")),
						Map.of("id", "independent", "action", "count"))),
				Map.of());

		WorkflowExecutionView done = await(view.id(), (v) -> v.phase().isTerminal());

		assertThat(done.phase()).isEqualTo(ExecutionPhase.Failed);
		assertThat(phases(done)).containsExactly("failed", "skipped", "completed");
	}

	@Test
	void rollsBackCompletedStepsInReverseOrderAfterAFailure() {
		this.actions.failNext("third", 1);
		WorkflowExecutionView view = submit(Map.of("strategy", Map.of("rollback", "automatic"), "steps",
				List.of(Map.of("id", "first", "action", "count", "rollback",
						Map.of("action", "count", "parameters", Map.of("undo", "first"))),
						Map.of("id", "second", "action", "count", "dependsOn", List.of("first"), "rollback",
								Map.of("action", "count", "parameters", Map.of("undo", "${steps.second.done}"))),
						Map.of("id", "third", "action", "flaky", "dependsOn", List.of("second")))),
				Map.of());

		WorkflowExecutionView done = await(view.id(), (v) -> v.phase().isTerminal());

		assertThat(done.phase()).isEqualTo(ExecutionPhase.Failed);
		assertThat(phases(done)).containsExactly("rolled-back", "rolled-back", "failed");
		assertThat(this.actions.calls(view.id())).filteredOn((call) -> call.parameters().containsKey("undo"))
			.extracting((call) -> call.parameters().get("undo"))
			.containsExactly(true, "first");
	}

	private WorkflowExecutionView submit(Map<String, Object> definition, Map<String, Object> parameters) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("definition", definition);
		body.put("parameters", parameters);
		body.put("target", PAYMENT);
		ResponseEntity<WorkflowExecutionView> created = post("", body, WorkflowExecutionView.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return created.getBody();
	}

	private WorkflowExecutionView await(UUID id, Predicate<WorkflowExecutionView> condition) {
		return org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.http
				.exchange("/api/v1/workflow-executions/" + id, HttpMethod.GET, new HttpEntity<>(headers()),
						WorkflowExecutionView.class)
				.getBody(), (view) -> view != null && condition.test(view));
	}

	private <T> ResponseEntity<T> post(String path, Object body, Class<T> type) {
		return this.http.exchange("/api/v1/workflow-executions" + path, HttpMethod.POST,
				new HttpEntity<>((body instanceof String text) ? text : this.json.writeValueAsString(body), headers()),
				type);
	}

	private Map<String, Object> fixture(String name) {
		try (InputStream in = getClass().getResourceAsStream("/fixtures/workflows/" + name)) {
			return this.json.readValue(in, new TypeReference<Map<String, Object>>() {
			});
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> phases(WorkflowExecutionView view) {
		return view.steps().stream().map(WorkflowExecutionView.Step::phase).toList();
	}

	private static Instant start(List<RecordingActions.Call> calls, String stepId) {
		return calls.stream().filter((c) -> c.stepId().equals(stepId)).findFirst().orElseThrow().startedAt();
	}

	private static Instant end(List<RecordingActions.Call> calls, String stepId) {
		return calls.stream().filter((c) -> c.stepId().equals(stepId)).findFirst().orElseThrow().endedAt();
	}

	private static HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(WRITER);
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

}
