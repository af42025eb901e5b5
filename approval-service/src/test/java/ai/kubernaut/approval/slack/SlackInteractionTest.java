package ai.kubernaut.approval.slack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import ai.kubernaut.approval.MutableClock;
import ai.kubernaut.approval.ServiceIntegrationTest;
import ai.kubernaut.approval.StubReceiver;
import ai.kubernaut.approval.TestTokens;
import ai.kubernaut.approval.request.ApprovalRequests;
import ai.kubernaut.contracts.approval.ApprovalView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class SlackInteractionTest {

	private static final String SIGNING_SECRET = "test-slack-signing-secret";

	@Autowired
	RestTestClient http;

	@Autowired
	MutableClock clock;

	@Autowired
	JsonMapper json;

	ApprovalRequests approvals;

	@BeforeEach
	void setUp() {
		this.approvals = new ApprovalRequests(this.http);
	}

	@Test
	void aValidClickDecidesAsTheMappedApproverAndReplacesTheButtons() {
		try (StubReceiver slack = StubReceiver.started()) {
			ApprovalView pending = this.approvals.open(ApprovalRequests.planBound());
			String body = form(click("U0ALICE", "approve", pending.links().slack().approve(),
					slack.url("/actions/T1/42/xyz").toString()));

			send(body, now(), sign(now(), body)).expectStatus().isOk();

			ApprovalView decided = view(pending);
			assertThat(decided.state()).hasToString("APPROVED");
			assertThat(decided.decidedBy()).isEqualTo("alice");
			assertThat(decided.decidedVia()).isEqualTo("slack:U0ALICE");
			await().atMost(Duration.ofSeconds(10)).until(() -> !slack.received().isEmpty());
			JsonNode update = this.json.readTree(slack.received().get(0).body());
			assertThat(update.path("replace_original").asBoolean()).isTrue();
			assertThat(update.path("text").asString()).contains("approved by alice", "<@U0ALICE>");
			assertThat(update.toString()).doesNotContain("\"button\"");
		}
	}

	@Test
	void acceptsTheButtonsAsNotificationServiceRendersThem() {
		try (StubReceiver slack = StubReceiver.started()) {
			ApprovalView pending = this.approvals.open(ApprovalRequests.planBound());
			String body = form(click("U0ALICE", "kubernaut_approval_reject", pending.links().slack().reject(),
					slack.url("/actions/T1/42/xyz").toString()));

			send(body, now(), sign(now(), body)).expectStatus().isOk();

			assertThat(view(pending).state()).hasToString("REJECTED");
		}
	}

	@Test
	void aTwoPersonRequestNeedsTwoDifferentSlackUsers() {
		try (StubReceiver slack = StubReceiver.started()) {
			ApprovalView pending = this.approvals.open(ApprovalRequests.planBound().put("requiredApprovals", 2));
			String responseUrl = slack.url("/actions/T1/43/abc").toString();
			String alice = form(click("U0ALICE", "approve", pending.links().slack().approve(), responseUrl));
			String bob = form(click("U0BOB", "approve", pending.links().slack().approve(), responseUrl));

			send(alice, now(), sign(now(), alice)).expectStatus().isOk();
			send(alice, now(), sign(now(), alice)).expectStatus().isOk();
			assertState(pending, "PENDING");
			send(bob, now(), sign(now(), bob)).expectStatus().isOk();

			ApprovalView decided = view(pending);
			assertThat(decided.state()).hasToString("APPROVED");
			assertThat(decided.approvedBy()).containsExactly("alice", "bob");
			await().atMost(Duration.ofSeconds(10)).until(() -> slack.received().size() == 3);
			assertThat(slack.received())
				.extracting((call) -> this.json.readTree(call.body()).path("replace_original").asBoolean())
				.containsExactlyInAnyOrder(false, false, true);
		}
	}

	@Test
	void aBadSignatureIsUnauthorizedAndDecidesNothing() {
		ApprovalView pending = this.approvals.open(ApprovalRequests.planBound());
		String body = form(click("U0ALICE", "approve", pending.links().slack().approve(), null));
		String signature = sign(now(), body);
		String flipped = signature.substring(0, signature.length() - 1)
				+ ((signature.charAt(signature.length() - 1) == '0') ? '1' : '0');

		send(body, now(), flipped).expectStatus().isUnauthorized();
		send(body, now(), null).expectStatus().isUnauthorized();
		send(body.replace("approve", "reject"), now(), signature).expectStatus().isUnauthorized();

		assertState(pending, "PENDING");
	}

	@Test
	void aTimestampOlderThanFiveMinutesIsUnauthorizedAndDecidesNothing() {
		ApprovalView pending = this.approvals.open(ApprovalRequests.planBound());
		String body = form(click("U0ALICE", "approve", pending.links().slack().approve(), null));
		long stale = now() - Duration.ofMinutes(5).plusSeconds(1).toSeconds();

		send(body, stale, sign(stale, body)).expectStatus().isUnauthorized();

		assertState(pending, "PENDING");
	}

	@Test
	void anUnknownSlackUserDecidesNothing() {
		ApprovalView pending = this.approvals.open(ApprovalRequests.planBound());
		String body = form(click("U0MALLORY", "approve", pending.links().slack().approve(), null));

		send(body, now(), sign(now(), body)).expectStatus().isOk();

		assertState(pending, "PENDING");
	}

	@Test
	void aButtonWhoseActionDoesNotMatchItsTokenDecidesNothing() {
		ApprovalView pending = this.approvals.open(ApprovalRequests.planBound());
		String body = form(click("U0ALICE", "reject", pending.links().slack().approve(), null));

		send(body, now(), sign(now(), body)).expectStatus().isOk();

		assertState(pending, "PENDING");
	}

	@Test
	void anOutOfScopeSlackUserDecidesNothing() {
		ApprovalView pending = this.approvals.open(ApprovalRequests.planBound());
		String body = form(click("U0CAROL", "approve", pending.links().slack().approve(), null));

		send(body, now(), sign(now(), body)).expectStatus().isOk();

		assertState(pending, "PENDING");
	}

	private long now() {
		return this.clock.instant().getEpochSecond();
	}

	private String click(String userId, String actionId, String value, String responseUrl) {
		ObjectNode payload = this.json.createObjectNode().put("type", "block_actions");
		payload.putObject("user").put("id", userId).put("username", userId.toLowerCase());
		payload.putArray("actions").addObject().put("action_id", actionId).put("value", value).put("type", "button");
		if (responseUrl != null) {
			payload.put("response_url", responseUrl);
		}
		return payload.toString();
	}

	private static String form(String payload) {
		return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
	}

	private static String sign(long timestamp, String body) {
		return "v0=" + java.util.HexFormat.of()
			.formatHex(new SlackSignature(SIGNING_SECRET, Duration.ofMinutes(5)).sign(Long.toString(timestamp),
					body.getBytes(StandardCharsets.UTF_8)));
	}

	private RestTestClient.ResponseSpec send(String body, long timestamp, String signature) {
		RestTestClient.RequestBodySpec request = this.http.post()
			.uri("/api/v1/slack/interactions")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("X-Slack-Request-Timestamp", Long.toString(timestamp));
		if (signature != null) {
			request = request.header("X-Slack-Signature", signature);
		}
		return request.body(body).exchange();
	}

	private void assertState(ApprovalView pending, String state) {
		this.approvals.get(TestTokens.ENGINE, pending.approvalId()).expectBody().jsonPath("$.state").isEqualTo(state);
	}

	private ApprovalView view(ApprovalView pending) {
		return this.approvals.get(TestTokens.ENGINE, pending.approvalId())
			.expectBody(ApprovalView.class)
			.returnResult()
			.getResponseBody();
	}

}
