package ai.kubernaut.approval.request;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ai.kubernaut.approval.ServiceIntegrationTest;
import ai.kubernaut.approval.TestTokens;
import ai.kubernaut.contracts.approval.ApprovalState;
import ai.kubernaut.contracts.approval.ApprovalView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class ConcurrentDecisionTest {

	private static final int APPROVERS = 8;

	@Autowired
	RestTestClient http;

	@Autowired
	JsonMapper json;

	ApprovalRequests approvals;

	@BeforeEach
	void setUp() {
		this.approvals = new ApprovalRequests(this.http);
	}

	@RepeatedTest(3)
	void acceptsExactlyOneOfManySimultaneousDecisions() throws Exception {
		ApprovalView pending = this.approvals.open();
		CountDownLatch ready = new CountDownLatch(APPROVERS);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<EntityExchangeResult<String>>> answers = new ArrayList<>();
		try (ExecutorService approvers = Executors.newFixedThreadPool(APPROVERS)) {
			for (int i = 0; i < APPROVERS; i++) {
				String token = (i % 2 == 0) ? TestTokens.ALICE : TestTokens.BOB;
				String decision = ApprovalRequests.decision((i % 2 == 0) ? "APPROVE" : "REJECT", "approver " + i);
				answers.add(approvers.submit(() -> {
					ready.countDown();
					go.await();
					return this.approvals.decide(token, pending.approvalId(), decision)
						.expectBody(String.class)
						.returnResult();
				}));
			}
			assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
			go.countDown();

			List<EntityExchangeResult<String>> results = new ArrayList<>();
			for (Future<EntityExchangeResult<String>> answer : answers) {
				results.add(answer.get(30, TimeUnit.SECONDS));
			}

			List<EntityExchangeResult<String>> won = results.stream()
				.filter((result) -> result.getStatus().value() == 200)
				.toList();
			List<EntityExchangeResult<String>> lost = results.stream()
				.filter((result) -> result.getStatus().value() == 409)
				.toList();
			assertThat(won).hasSize(1);
			assertThat(lost).hasSize(APPROVERS - 1)
				.allSatisfy((result) -> assertThat(result.getResponseBody())
					.contains("https://kubernaut.ai/problems/approval-already-decided"));
			ApprovalView winner = this.json.readValue(won.get(0).getResponseBody(), ApprovalView.class);
			ApprovalView stored = this.approvals.get(TestTokens.ENGINE, pending.approvalId())
				.expectBody(ApprovalView.class)
				.returnResult()
				.getResponseBody();
			assertThat(stored).isEqualTo(winner);
			assertThat(stored.state()).isIn(ApprovalState.APPROVED, ApprovalState.REJECTED);
		}
	}

}
