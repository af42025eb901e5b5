package ai.kubernaut.notification.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import ai.kubernaut.contracts.notification.DeliveryStatus;
import ai.kubernaut.contracts.notification.DeliveryView;
import ai.kubernaut.contracts.notification.NotificationList;
import ai.kubernaut.contracts.notification.NotificationView;
import ai.kubernaut.notification.ApiClient;
import ai.kubernaut.notification.ServiceIntegrationTest;
import ai.kubernaut.notification.peers.StubHttpServer.Answer;
import ai.kubernaut.notification.peers.StubHttpServer.Recorded;
import ai.kubernaut.notification.peers.TestPeers;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery semantics against a stand-in Slack webhook: retries with growing delays,
 * permanent failures, {@code Retry-After}, dead letters and re-drive. The test schedule
 * is 50 ms doubling to 400 ms, ±10 %, five attempts.
 */
@ServiceIntegrationTest
class SlackDeliveryTest {

	private static final String FLAKY = "/slack/flaky";

	private static final String REJECTING = "/slack/rejecting";

	@Autowired
	RestTestClient http;

	@Autowired
	JsonMapper json;

	@Autowired
	OutboxRepository outbox;

	@Autowired
	MeterRegistry meters;

	private ApiClient api;

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.http, this.json);
	}

	@Test
	void retriesASlackEndpointAnswering503ThreeTimesWithGrowingDelaysAndDeliversOnce() {
		int before = TestPeers.http().requests(FLAKY).size();
		TestPeers.http()
			.script(FLAKY, Answer.status(503, "service unavailable"), Answer.status(503, "service unavailable"),
					Answer.status(503, "service unavailable"), Answer.ok("ok"));

		NotificationView settled = this.api
			.awaitSettled(this.api.accept(this.api.routedTo("slack-flaky")).notificationId());

		DeliveryView slack = ApiClient.delivery(settled, "slack");
		assertThat(slack.receiver()).isEqualTo("slack-flaky");
		assertThat(slack.status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(slack.attempts()).isEqualTo(4);
		List<Recorded> requests = TestPeers.http()
			.requests(FLAKY)
			.subList(before, TestPeers.http().requests(FLAKY).size());
		assertThat(requests).hasSize(4);

		List<OutboxRepository.AttemptRecord> attempts = this.outbox.attempts(settled.notificationId(), "slack-flaky",
				"slack");
		assertThat(attempts).extracting(OutboxRepository.AttemptRecord::outcome)
			.containsExactly("RETRY", "RETRY", "RETRY", "DELIVERED");
		assertThat(attempts.get(0).error()).startsWith("Slack webhook at 127.0.0.1 answered HTTP 503");
		List<Duration> scheduled = attempts.subList(0, 3)
			.stream()
			.map(OutboxRepository.AttemptRecord::retryDelay)
			.toList();
		// 50, 100, 200 ms, each ±10 %.
		assertThat(scheduled.get(0)).isBetween(Duration.ofMillis(45), Duration.ofMillis(55));
		assertThat(scheduled.get(1)).isBetween(Duration.ofMillis(90), Duration.ofMillis(110));
		assertThat(scheduled.get(2)).isBetween(Duration.ofMillis(180), Duration.ofMillis(220));
		for (int i = 1; i < requests.size(); i++) {
			Duration gap = Duration.between(requests.get(i - 1).receivedAt(), requests.get(i).receivedAt());
			assertThat(gap).as("gap before attempt %d", i + 1).isGreaterThanOrEqualTo(scheduled.get(i - 1));
		}
		assertThat(requests).extracting(Recorded::body)
			.allSatisfy((body) -> assertThat(body).isEqualTo(requests.get(0).body()));
	}

	@Test
	void failsAtOnceWhenSlackAnswers400() {
		int before = TestPeers.http().requests(REJECTING).size();
		TestPeers.http().script(REJECTING, Answer.status(400, "invalid_payload"));

		NotificationView settled = this.api
			.awaitSettled(this.api.accept(this.api.routedTo("slack-rejecting")).notificationId());

		DeliveryView slack = ApiClient.delivery(settled, "slack");
		assertThat(settled.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(slack.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(slack.attempts()).isEqualTo(1);
		assertThat(slack.lastError()).isEqualTo("Slack webhook at 127.0.0.1 answered HTTP 400: invalid_payload");
		assertThat(TestPeers.http().requests(REJECTING)).hasSize(before + 1);
		assertThat(this.meters.get("kubernaut.notification.delivery.failures")
			.tags("receiver", "slack-rejecting", "channel", "slack", "reason", "http_4xx")
			.counter()
			.count()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void waitsAtLeastAsLongAsRetryAfterSays() {
		TestPeers.http().script(FLAKY, new Answer(429, "rate_limited", Map.of("Retry-After", "1")), Answer.ok("ok"));

		NotificationView settled = this.api
			.awaitSettled(this.api.accept(this.api.routedTo("slack-flaky")).notificationId());

		assertThat(ApiClient.delivery(settled, "slack").status()).isEqualTo(DeliveryStatus.DELIVERED);
		List<OutboxRepository.AttemptRecord> attempts = this.outbox.attempts(settled.notificationId(), "slack-flaky",
				"slack");
		assertThat(attempts).hasSize(2);
		assertThat(attempts.get(0).retryDelay()).isEqualTo(Duration.ofSeconds(1));
		assertThat(Duration.between(attempts.get(0).attemptedAt(), attempts.get(1).attemptedAt()))
			.isGreaterThanOrEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void listsDeadLettersAndRedrivesThem() {
		TestPeers.http()
			.script(FLAKY, Answer.status(502, "bad gateway"), Answer.status(502, "bad gateway"),
					Answer.status(502, "bad gateway"), Answer.status(502, "bad gateway"),
					Answer.status(502, "bad gateway"));
		double deadLettered = this.meters.get("kubernaut.notification.delivery.attempts")
			.tags("receiver", "slack-flaky", "channel", "slack", "outcome", "dead_letter")
			.counter()
			.count();

		NotificationView dead = this.api
			.awaitSettled(this.api.accept(this.api.routedTo("slack-flaky")).notificationId());

		assertThat(dead.status()).isEqualTo(DeliveryStatus.DEAD_LETTER);
		DeliveryView slack = ApiClient.delivery(dead, "slack");
		assertThat(slack.status()).isEqualTo(DeliveryStatus.DEAD_LETTER);
		assertThat(slack.attempts()).isEqualTo(5);
		assertThat(slack.lastError()).contains("HTTP 502");
		assertThat(this.meters.get("kubernaut.notification.delivery.attempts")
			.tags("receiver", "slack-flaky", "channel", "slack", "outcome", "dead_letter")
			.counter()
			.count()).isEqualTo(deadLettered + 1);
		NotificationList deadLetters = this.api.list("status=DEAD_LETTER&limit=100")
			.expectStatus()
			.isOk()
			.expectBody(NotificationList.class)
			.returnResult()
			.getResponseBody();
		assertThat(deadLetters.notifications()).extracting(NotificationView::notificationId)
			.contains(dead.notificationId());
		assertThat(deadLetters.notifications()).allSatisfy((view) -> assertThat(view.deliveries())
			.anySatisfy((delivery) -> assertThat(delivery.status()).isEqualTo(DeliveryStatus.DEAD_LETTER)));

		NotificationView redriven = this.api.retry(dead.notificationId())
			.expectStatus()
			.isAccepted()
			.expectBody(NotificationView.class)
			.returnResult()
			.getResponseBody();
		assertThat(redriven.status()).isIn(DeliveryStatus.PENDING, DeliveryStatus.DELIVERED);

		NotificationView delivered = this.api.awaitSettled(dead.notificationId());
		assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(ApiClient.delivery(delivered, "slack").attempts()).isEqualTo(1);
		assertThat(this.api.list("status=DEAD_LETTER&limit=100")
			.expectBody(NotificationList.class)
			.returnResult()
			.getResponseBody()
			.notifications()).extracting(NotificationView::notificationId).doesNotContain(dead.notificationId());
		this.api.retry(dead.notificationId())
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://kubernaut.ai/problems/notification-not-retryable");
	}

	@Test
	void rejectsAnUnknownStatusFilterAndAnswers404ForRetryOfAnUnknownNotification() {
		this.api.list("status=LOST").expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("status");
		this.api.retry(java.util.UUID.randomUUID())
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://kubernaut.ai/problems/notification-not-found");
	}

}
