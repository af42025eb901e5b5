package ai.kubernaut.notification.outbox;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import ai.kubernaut.contracts.notification.DeliveryStatus;
import ai.kubernaut.contracts.notification.DeliveryView;
import ai.kubernaut.contracts.notification.NotificationView;
import ai.kubernaut.notification.ApiClient;
import ai.kubernaut.notification.ServiceIntegrationTest;
import ai.kubernaut.notification.peers.StubHttpServer.Answer;
import ai.kubernaut.notification.peers.StubHttpServer.Recorded;
import ai.kubernaut.notification.peers.TestPeers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receiver {@code peers} of the test configuration has a signed webhook, Teams,
 * PagerDuty and Slack {@code chat.postMessage}; one notification reaches all four, each
 * in its own format.
 */
@ServiceIntegrationTest
class PeerChannelsTest {

	private static final String CHAT_POST_MESSAGE = "/slack-api/chat.postMessage";

	@Autowired
	RestTestClient http;

	@Autowired
	JsonMapper json;

	private ApiClient api;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.http, this.json);
		TestPeers.http().answerByDefault(CHAT_POST_MESSAGE, Answer.ok("{\"ok\":true,\"ts\":\"1700000000.000100\"}"));
		TestPeers.http()
			.answerByDefault("/pagerduty/v2/enqueue",
					new Answer(202, "{\"status\":\"success\",\"message\":\"Event processed\"}", java.util.Map.of()));
	}

	@Test
	void signsTheWebhookBodyAndSendsTeamsPagerDutyAndSlackBotMessages() {
		ObjectNode request = this.api.fixture("approval-request-with-actions.json").put("type", "REMEDIATION_FAILED");
		request.putObject("labels").put("route", "peers");
		request.put("groupKey", "fingerprint-" + java.util.UUID.randomUUID());

		NotificationView settled = this.api.awaitSettled(this.api.accept(request).notificationId());

		assertThat(settled.status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(settled.deliveries()).extracting(DeliveryView::channel)
			.containsExactly("pagerduty", "slack", "teams", "webhook");
		String id = settled.notificationId().toString();

		Recorded webhook = last(TestPeers.http().requests("/hooks/kubernaut"), id);
		assertThat(webhook.headers().get("X-Kubernaut-Signature"))
			.isEqualTo("sha256=" + hmac("test-webhook-signing-secret", webhook.body()));
		assertThat(webhook.headers().get("X-Kubernaut-Notification-Id")).isEqualTo(id);
		JsonNode body = this.json.readTree(webhook.body());
		assertThat(webhook.headers().get("X-Kubernaut-Timestamp")).isEqualTo(body.get("sentAt").asString());
		assertThat(body.get("type").asString()).isEqualTo("REMEDIATION_FAILED");
		assertThat(body.get("subject").asString()).isEqualTo("Approval Required: KubePodCrashLooping");
		assertThat(body.get("fields").get("target").asString()).isEqualTo("Deployment/demo-telemetry/data-service");
		assertThat(body.get("actions").get(0).get("url").asString()).contains("signed.approve.token");
		assertThat(body.get("occurrences").asInt()).isEqualTo(1);

		Recorded teams = TestPeers.http().requests("/teams").getLast();
		JsonNode card = this.json.readTree(teams.body()).get("attachments").get(0);
		assertThat(card.get("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
		assertThat(card.get("content").get("type").asString()).isEqualTo("AdaptiveCard");
		assertThat(card.get("content").get("body").get(0).get("text").asString())
			.isEqualTo("🚨 Approval Required: KubePodCrashLooping");
		assertThat(card.get("content").get("actions")).extracting((action) -> action.get("type").asString())
			.containsExactly("Action.OpenUrl", "Action.OpenUrl");

		JsonNode event = this.json.readTree(TestPeers.http().requests("/pagerduty/v2/enqueue").getLast().body());
		assertThat(event.get("routing_key").asString()).isEqualTo("test-pagerduty-routing-key");
		assertThat(event.get("event_action").asString()).isEqualTo("trigger");
		assertThat(event.get("dedup_key").asString()).isEqualTo(request.get("groupKey").asString());
		assertThat(event.get("payload").get("severity").asString()).isEqualTo("critical");
		assertThat(event.get("payload").get("summary").asString()).isEqualTo("Approval Required: KubePodCrashLooping");

		Recorded bot = TestPeers.http().requests(CHAT_POST_MESSAGE).getLast();
		assertThat(bot.headers().get("Authorization")).isEqualTo("Bearer xoxb-test-bot-token");
		JsonNode posted = this.json.readTree(bot.body());
		assertThat(posted.get("channel").asString()).isEqualTo("C0123OPS");
		assertThat(posted.get("blocks").get(0).get("type").asString()).isEqualTo("header");
	}

	@Test
	void resolvesThePagerDutyIncidentWhenTheRemediationCompletes() {
		ObjectNode request = this.api.routedTo("peers").put("type", "REMEDIATION_COMPLETED");

		NotificationView settled = this.api.awaitSettled(this.api.accept(request).notificationId());

		assertThat(settled.status()).isEqualTo(DeliveryStatus.DELIVERED);
		JsonNode event = this.json.readTree(TestPeers.http().requests("/pagerduty/v2/enqueue").getLast().body());
		assertThat(event.get("event_action").asString()).isEqualTo("resolve");
		assertThat(event.get("dedup_key").asString()).isEqualTo("6f1c2f4e-8a0b-4d47-9f39-2f0d8e0c5a11");
		assertThat(event.has("payload")).isFalse();
	}

	@Test
	void failsAtOnceWhenSlackRejectsTheBotToken() {
		TestPeers.http().script(CHAT_POST_MESSAGE, Answer.ok("{\"ok\":false,\"error\":\"invalid_auth\"}"));

		NotificationView settled = this.api.awaitSettled(this.api.accept(this.api.routedTo("peers")).notificationId());

		DeliveryView slack = ApiClient.delivery(settled, "slack");
		assertThat(slack.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(slack.attempts()).isEqualTo(1);
		assertThat(slack.lastError()).isEqualTo("Slack chat.postMessage to C0123OPS failed: invalid_auth")
			.doesNotContain("xoxb");
		assertThat(ApiClient.delivery(settled, "webhook").status()).isEqualTo(DeliveryStatus.DELIVERED);
	}

	private static Recorded last(List<Recorded> requests, String notificationId) {
		return requests.stream()
			.filter((request) -> notificationId.equals(request.headers().get("X-Kubernaut-Notification-Id")))
			.reduce((first, second) -> second)
			.orElseThrow();
	}

	private static String hmac(String secret, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
