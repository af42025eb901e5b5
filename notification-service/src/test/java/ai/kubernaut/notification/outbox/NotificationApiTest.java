package ai.kubernaut.notification.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import ai.kubernaut.contracts.notification.DeliveryStatus;
import ai.kubernaut.contracts.notification.DeliveryView;
import ai.kubernaut.contracts.notification.NotificationList;
import ai.kubernaut.contracts.notification.NotificationType;
import ai.kubernaut.contracts.notification.NotificationView;
import ai.kubernaut.notification.ScriptedChannel;
import ai.kubernaut.notification.ServiceIntegrationTest;
import ai.kubernaut.notification.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class NotificationApiTest {

	private static final String PROBLEMS = "https://kubernaut.ai/problems/";

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	@Autowired
	RestTestClient http;

	@Autowired
	JsonMapper json;

	@Autowired
	ScriptedChannel scripted;

	@Autowired
	MeterRegistry meters;

	@Test
	void acceptsANotificationAndDeliversItThroughEveryConfiguredChannel() {
		double logged = count("log", DeliveryMetrics.DELIVERED);

		EntityExchangeResult<NotificationView> accepted = send(approvalRequest()).expectStatus()
			.isAccepted()
			.expectBody(NotificationView.class)
			.returnResult();

		NotificationView view = accepted.getResponseBody();
		assertThat(accepted.getResponseHeaders().getLocation())
			.hasPath("/api/v1/notifications/" + view.notificationId());
		assertThat(view.type()).isEqualTo(NotificationType.APPROVAL_REQUEST);
		assertThat(view.subject()).isEqualTo("Approval Required: KubePodCrashLooping");
		assertThat(view.fields()).containsEntry("workflow", "increase-memory-limits-v1");
		assertThat(view.remediationId()).hasToString("6f1c2f4e-8a0b-4d47-9f39-2f0d8e0c5a11");
		assertThat(view.deliveries()).extracting(DeliveryView::channel).containsExactly("log", "scripted");

		NotificationView delivered = awaitSettled(view.notificationId());
		assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(delivered.deliveries()).allSatisfy((delivery) -> {
			assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
			assertThat(delivery.attempts()).isEqualTo(1);
			assertThat(delivery.deliveredAt()).isNotNull();
			assertThat(delivery.lastError()).isNull();
		});
		assertThat(count("log", DeliveryMetrics.DELIVERED)).isGreaterThan(logged);
	}

	@Test
	void acceptsANotificationAboutNoRemediationWithoutFields() {
		ObjectNode request = approvalRequest().put("type", "ESCALATION");
		request.remove(List.of("remediationId", "fields"));

		NotificationView settled = awaitSettled(accept(request));

		assertThat(settled.remediationId()).isNull();
		assertThat(settled.fields()).isEmpty();
		assertThat(settled.status()).isEqualTo(DeliveryStatus.DELIVERED);
	}

	@Test
	void listsTheNotificationsOfOneRemediationNewestFirst() {
		String remediationId = UUID.randomUUID().toString();
		UUID first = accept(approvalRequest().put("remediationId", remediationId));
		UUID second = accept(
				approvalRequest().put("remediationId", remediationId).put("type", "REMEDIATION_COMPLETED"));
		accept(approvalRequest().put("remediationId", UUID.randomUUID().toString()));

		NotificationList list = this.http.get()
			.uri("/api/v1/notifications?remediationId={id}", remediationId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.ENGINE)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(NotificationList.class)
			.returnResult()
			.getResponseBody();

		assertThat(list.notifications()).extracting(NotificationView::notificationId).containsExactly(second, first);
	}

	@Test
	void rejectsAListLimitOutOfRange() {
		this.http.get()
			.uri("/api/v1/notifications?limit=1000")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.ENGINE)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "validation-error")
			.jsonPath("$.field")
			.isEqualTo("limit");
	}

	@Test
	void retriesAFailingChannelUntilItDelivers() {
		ObjectNode request = approvalRequest();
		((ObjectNode) request.get("fields")).put(ScriptedChannel.FAILURES, "2");

		NotificationView settled = awaitSettled(accept(request));

		assertThat(settled.status()).isEqualTo(DeliveryStatus.DELIVERED);
		DeliveryView scriptedDelivery = delivery(settled, ScriptedChannel.NAME);
		assertThat(scriptedDelivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(scriptedDelivery.attempts()).isEqualTo(3);
		assertThat(scriptedDelivery.lastError())
			.isEqualTo("IllegalStateException: simulated connection reset (call 2)");
		assertThat(delivery(settled, "log").attempts()).isEqualTo(1);
	}

	@Test
	void deadLettersAfterMaxAttemptsAndKeepsTheLastError() {
		double retried = count(ScriptedChannel.NAME, DeliveryMetrics.RETRIED);
		double failed = count(ScriptedChannel.NAME, DeliveryMetrics.DEAD_LETTER);
		ObjectNode request = approvalRequest();
		((ObjectNode) request.get("fields")).put(ScriptedChannel.FAILURES, "always");

		UUID id = accept(request);
		NotificationView settled = awaitSettled(id);

		assertThat(settled.status()).isEqualTo(DeliveryStatus.DEAD_LETTER);
		DeliveryView scriptedDelivery = delivery(settled, ScriptedChannel.NAME);
		assertThat(scriptedDelivery.status()).isEqualTo(DeliveryStatus.DEAD_LETTER);
		assertThat(scriptedDelivery.attempts()).isEqualTo(5);
		assertThat(scriptedDelivery.lastError()).isEqualTo("simulated outage (call 5)");
		assertThat(scriptedDelivery.deliveredAt()).isNull();
		assertThat(this.scripted.calls(id)).isEqualTo(5);
		assertThat(delivery(settled, "log").status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(count(ScriptedChannel.NAME, DeliveryMetrics.RETRIED) - retried).isGreaterThanOrEqualTo(4);
		assertThat(count(ScriptedChannel.NAME, DeliveryMetrics.DEAD_LETTER) - failed).isGreaterThanOrEqualTo(1);
	}

	@Test
	void doesNotRetryAPermanentFailure() {
		ObjectNode request = approvalRequest();
		((ObjectNode) request.get("fields")).put(ScriptedChannel.FAILURES, "permanent");

		UUID id = accept(request);
		DeliveryView scriptedDelivery = delivery(awaitSettled(id), ScriptedChannel.NAME);

		assertThat(scriptedDelivery.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(scriptedDelivery.attempts()).isEqualTo(1);
		assertThat(scriptedDelivery.lastError()).isEqualTo("simulated 403 invalid_auth");
		assertThat(this.scripted.calls(id)).isEqualTo(1);
	}

	@Test
	void rejectsANotificationWithoutSubject() {
		ObjectNode request = approvalRequest();
		request.remove("subject");

		send(request).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "validation-error")
			.jsonPath("$.errors[*].field")
			.value(new ParameterizedTypeReference<List<String>>() {
			}, (fields) -> assertThat(fields).containsExactly("subject"));
	}

	@Test
	void rejectsANulCharacterThatTheDatabaseCannotStore() {
		send(approvalRequest().put("subject", "bad\u0000subject")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("subject");
	}

	@Test
	void rejectsAnUnknownType() {
		send(approvalRequest().put("type", "CARRIER_PIGEON")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "malformed-request")
			.jsonPath("$.field")
			.isEqualTo("type");
	}

	@Test
	void answersNotFoundForAnUnknownNotification() {
		UUID unknown = UUID.randomUUID();

		get(unknown).expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "notification-not-found")
			.jsonPath("$.notificationId")
			.isEqualTo(unknown.toString());
	}

	@Test
	void requiresABearerToken() {
		this.http.post()
			.uri("/api/v1/notifications")
			.contentType(MediaType.APPLICATION_JSON)
			.body(approvalRequest().toString())
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "unauthorized");
		this.http.get().uri("/api/v1/notifications/{id}", UUID.randomUUID()).exchange().expectStatus().isUnauthorized();
	}

	@Test
	void letsReadOnlyCallersReadButNotSend() {
		UUID id = accept(approvalRequest());

		this.http.post()
			.uri("/api/v1/notifications")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.VIEWER)
			.contentType(MediaType.APPLICATION_JSON)
			.body(approvalRequest().toString())
			.exchange()
			.expectStatus()
			.isForbidden();
		this.http.get()
			.uri("/api/v1/notifications/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.VIEWER)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void exportsDeliveryOutcomesToPrometheus() {
		awaitSettled(accept(approvalRequest()));

		this.http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectBody(String.class)
			.value((body) -> assertThat(body).containsPattern(
					"kubernaut_notification_delivery_attempts_total\\{[^}]*channel=\"log\"[^}]*outcome=\"delivered\"")
				.containsPattern(
						"kubernaut_notification_delivery_attempts_total\\{[^}]*channel=\"scripted\"[^}]*outcome=\"dead_letter\"")
				.contains("kubernaut_notification_queue_depth")
				.contains("kubernaut_notification_oldest_pending_age_seconds")
				.contains("kubernaut_notification_dead_letters"));
	}

	private ObjectNode approvalRequest() {
		try (InputStream fixture = getClass().getResourceAsStream("/notifications/approval-request.json")) {
			return (ObjectNode) this.json.readTree(new String(fixture.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private RestTestClient.ResponseSpec send(ObjectNode request) {
		return this.http.post()
			.uri("/api/v1/notifications")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.ENGINE)
			.contentType(MediaType.APPLICATION_JSON)
			.body(request.toString())
			.exchange();
	}

	private UUID accept(ObjectNode request) {
		return send(request).expectStatus()
			.isAccepted()
			.expectBody(NotificationView.class)
			.returnResult()
			.getResponseBody()
			.notificationId();
	}

	private RestTestClient.ResponseSpec get(UUID id) {
		return this.http.get()
			.uri("/api/v1/notifications/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.ENGINE)
			.exchange();
	}

	private NotificationView awaitSettled(UUID id) {
		return await().atMost(PATIENCE)
			.until(() -> get(id).expectStatus()
				.isOk()
				.expectBody(NotificationView.class)
				.returnResult()
				.getResponseBody(), (view) -> view.status() != DeliveryStatus.PENDING);
	}

	private static DeliveryView delivery(NotificationView view, String channel) {
		return view.deliveries()
			.stream()
			.filter((delivery) -> delivery.channel().equals(channel))
			.findFirst()
			.orElseThrow();
	}

	private double count(String channel, String outcome) {
		return this.meters.get("kubernaut.notification.delivery.attempts")
			.tag("receiver", "default")
			.tag("channel", channel)
			.tag("outcome", outcome)
			.counter()
			.count();
	}

}
