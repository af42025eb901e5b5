package ai.kubernaut.approval.callback;

import java.time.Duration;

import ai.kubernaut.approval.MutableClock;
import ai.kubernaut.approval.ServiceIntegrationTest;
import ai.kubernaut.approval.StubReceiver;
import ai.kubernaut.approval.TestTokens;
import ai.kubernaut.approval.request.ApprovalRequests;
import ai.kubernaut.approval.request.ExpirySweeperAccess;
import ai.kubernaut.contracts.approval.ApprovalCallback;
import ai.kubernaut.contracts.approval.ApprovalState;
import ai.kubernaut.contracts.approval.ApprovalView;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class CallbackDeliveryTest {

	@Autowired
	RestTestClient http;

	@Autowired
	MutableClock clock;

	@Autowired
	CallbackOutbox outbox;

	@Autowired
	CallbackDispatcher dispatcher;

	@Autowired
	JsonMapper json;

	@Autowired
	ExpirySweeperAccess sweeper;

	@Test
	void theEngineGetsTheDecisionOnceItIsBackUpAfterRefusingAndFailing() {
		try (StubReceiver engine = StubReceiver.down()) {
			ApprovalRequests approvals = new ApprovalRequests(this.http);
			ApprovalView pending = approvals.open(ApprovalRequests.planBound()
				.put("callbackUrl", engine.url("/api/v1/approval-callbacks").toString()));

			approvals.decide(TestTokens.ALICE, pending.approvalId(), ApprovalRequests.decision("APPROVE", "go"))
				.expectStatus()
				.isOk();

			// Down: the connection is refused and the attempt recorded.
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.outbox.delivery(pending.approvalId()).orElseThrow().attempts() >= 1);
			assertThat(this.outbox.delivery(pending.approvalId()).orElseThrow().lastError())
				.contains("ConnectException");

			// Up, but answering 503 once, then 200.
			engine.answering(503).start();
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				this.clock.advance(Duration.ofSeconds(2));
				assertThat(engine.acknowledged()).hasSize(1);
			});
			assertThat(engine.received()).extracting(StubReceiver.Received::status).containsExactly(503, 200);
			ApprovalCallback callback = this.json.readValue(engine.acknowledged().get(0).body(),
					ApprovalCallback.class);
			assertThat(callback.approvalId()).isEqualTo(pending.approvalId());
			assertThat(callback.executionId()).isEqualTo(pending.executionId());
			assertThat(callback.state()).isEqualTo(ApprovalState.APPROVED);
			assertThat(callback.decidedBy()).isEqualTo("alice");
			assertThat(callback.planHash()).isEqualTo(pending.planHash());
			assertThat(this.outbox.delivery(pending.approvalId()).orElseThrow().isDelivered()).isTrue();

			// Acknowledged means done: no more calls however long we wait.
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
				this.clock.advance(Duration.ofMinutes(10));
				assertThat(engine.received()).hasSize(2);
			});
		}
	}

	@Test
	void aCallbackWrittenBeforeARestartIsDeliveredAfterIt() {
		try (StubReceiver engine = StubReceiver.started()) {
			this.dispatcher.stop();
			ApprovalView pending;
			try {
				ApprovalRequests approvals = new ApprovalRequests(this.http);
				pending = approvals.open(ApprovalRequests.planBound().put("callbackUrl", engine.url("/cb").toString()));
				approvals.decide(TestTokens.BOB, pending.approvalId(), ApprovalRequests.decision("REJECT", "no"))
					.expectStatus()
					.isOk();
				assertThat(this.outbox.delivery(pending.approvalId()).orElseThrow().isDelivered()).isFalse();
				assertThat(engine.received()).isEmpty();
			}
			finally {
				// A new dispatcher knows nothing but what is in the database.
				this.dispatcher.start();
			}

			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.outbox.delivery(pending.approvalId()).orElseThrow().isDelivered());
			assertThat(engine.acknowledged()).singleElement()
				.satisfies((call) -> assertThat(this.json.readValue(call.body(), ApprovalCallback.class).state())
					.isEqualTo(ApprovalState.REJECTED));
		}
	}

	@Test
	void anExpiredRequestIsCalledBackAsDecidedBySystem() {
		try (StubReceiver engine = StubReceiver.started()) {
			ApprovalRequests approvals = new ApprovalRequests(this.http);
			ApprovalView pending = approvals.open(ApprovalRequests.planBound()
				.put("expiresIn", "PT1M")
				.put("callbackUrl", engine.url("/callbacks").toString()));
			this.clock.advance(Duration.ofMinutes(1));

			this.sweeper.sweep();

			await().atMost(Duration.ofSeconds(10))
				.until(() -> engine.acknowledged()
					.stream()
					.anyMatch((call) -> call.body().contains(pending.approvalId().toString())));
			ApprovalCallback callback = engine.acknowledged()
				.stream()
				.map((call) -> this.json.readValue(call.body(), ApprovalCallback.class))
				.filter((call) -> call.approvalId().equals(pending.approvalId()))
				.findFirst()
				.orElseThrow();
			assertThat(callback.state()).isEqualTo(ApprovalState.EXPIRED);
			assertThat(callback.decidedBy()).isEqualTo("system");
			assertThat(callback.decidedAt()).isEqualTo(pending.expiresAt());
		}
	}

}
