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
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class TwoPersonRuleTest {

	@Autowired
	RestTestClient http;

	ApprovalRequests approvals;

	@BeforeEach
	void setUp() {
		this.approvals = new ApprovalRequests(this.http);
	}

	@Test
	void needsTwoDistinctApprovers() {
		ApprovalView pending = this.approvals.open(ApprovalRequests.planBound().put("requiredApprovals", 2));

		ApprovalView first = decide(TestTokens.ALICE, pending, "APPROVE", 200);
		assertThat(first.state()).isEqualTo(ApprovalState.PENDING);
		assertThat(first.approvedBy()).containsExactly("alice");

		this.approvals.decide(TestTokens.ALICE, pending.approvalId(), ApprovalRequests.decision("APPROVE", "again"))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://kubernaut.ai/problems/approval-already-voted");

		ApprovalView second = decide(TestTokens.BOB, pending, "APPROVE", 200);
		assertThat(second.state()).isEqualTo(ApprovalState.APPROVED);
		assertThat(second.approvedBy()).containsExactly("alice", "bob");
		assertThat(second.decidedBy()).isEqualTo("alice,bob");
	}

	@Test
	void aHighRiskRequestNeedsTwoApproversWhateverTheEngineAsked() {
		ApprovalView pending = this.approvals
			.open(ApprovalRequests.planBound().put("risk", "high").put("requiredApprovals", 1));

		assertThat(pending.requiredApprovals()).isEqualTo(2);
		assertThat(decide(TestTokens.ALICE, pending, "APPROVE", 200).state()).isEqualTo(ApprovalState.PENDING);
	}

	@Test
	void oneRejectionEndsItEvenAfterAFirstApproval() {
		ApprovalView pending = this.approvals.open(ApprovalRequests.planBound().put("requiredApprovals", 2));
		decide(TestTokens.ALICE, pending, "APPROVE", 200);

		ApprovalView rejected = decide(TestTokens.BOB, pending, "REJECT", 200);

		assertThat(rejected.state()).isEqualTo(ApprovalState.REJECTED);
		assertThat(rejected.decidedBy()).isEqualTo("bob");
	}

	@RepeatedTest(5)
	void parallelApproveAndRejectDecideExactlyOnce() throws Exception {
		ApprovalView pending = this.approvals.open(ApprovalRequests.planBound());

		List<EntityExchangeResult<String>> results = race(pending,
				new String[][] { { TestTokens.ALICE, "APPROVE" }, { TestTokens.BOB, "REJECT" } });

		assertThat(results).extracting((result) -> result.getStatus().value()).containsExactlyInAnyOrder(200, 409);
		ApprovalView stored = this.approvals.get(TestTokens.ENGINE, pending.approvalId())
			.expectBody(ApprovalView.class)
			.returnResult()
			.getResponseBody();
		assertThat(stored.state()).isIn(ApprovalState.APPROVED, ApprovalState.REJECTED);
		assertThat(stored.decidedBy()).isEqualTo((stored.state() == ApprovalState.APPROVED) ? "alice" : "bob");
	}

	@RepeatedTest(5)
	void parallelSecondApprovalAndRejectionOfATwoPersonRequestDecideExactlyOnce() throws Exception {
		ApprovalView pending = this.approvals.open(ApprovalRequests.planBound().put("requiredApprovals", 2));
		decide(TestTokens.ALICE, pending, "APPROVE", 200);

		List<EntityExchangeResult<String>> results = race(pending,
				new String[][] { { TestTokens.BOB, "APPROVE" }, { TestTokens.ALICE, "REJECT" } });

		assertThat(results).extracting((result) -> result.getStatus().value()).containsExactlyInAnyOrder(200, 409);
	}

	private List<EntityExchangeResult<String>> race(ApprovalView pending, String[][] deciders) throws Exception {
		CountDownLatch ready = new CountDownLatch(deciders.length);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<EntityExchangeResult<String>>> answers = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(deciders.length)) {
			for (String[] decider : deciders) {
				answers.add(threads.submit(() -> {
					ready.countDown();
					go.await();
					return this.approvals
						.decide(decider[0], pending.approvalId(), ApprovalRequests.decision(decider[1], null))
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
			return results;
		}
	}

	private ApprovalView decide(String token, ApprovalView pending, String decision, int status) {
		return this.approvals.decide(token, pending.approvalId(), ApprovalRequests.decision(decision, null))
			.expectStatus()
			.isEqualTo(status)
			.expectBody(ApprovalView.class)
			.returnResult()
			.getResponseBody();
	}

}
