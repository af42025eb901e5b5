package ai.kubernaut.approval.request;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import ai.kubernaut.approval.MutableClock;
import ai.kubernaut.approval.ServiceIntegrationTest;
import ai.kubernaut.contracts.approval.ApprovalState;
import ai.kubernaut.contracts.approval.ApprovalView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class ExpirySweeperTest {

	@Autowired
	RestTestClient http;

	@Autowired
	MutableClock clock;

	@Autowired
	ExpirySweeper sweeper;

	@Autowired
	ApprovalRepository repository;

	@Test
	void expiresEveryOverdueRequestInBatchesAndLeavesOpenOnesAlone() {
		ApprovalRequests approvals = new ApprovalRequests(this.http);
		List<ApprovalView> shortLived = IntStream.range(0, 5)
			.mapToObj((i) -> approvals.open(ApprovalRequests.increaseMemoryLimits().put("expiresIn", "PT1M")))
			.toList();
		ApprovalView longLived = approvals.open(ApprovalRequests.increaseMemoryLimits().put("expiresIn", "PT1H"));
		this.clock.advance(Duration.ofMinutes(2));

		assertThat(this.sweeper.sweep()).isGreaterThanOrEqualTo(shortLived.size());

		assertThat(shortLived).allSatisfy((view) -> {
			Approval stored = this.repository.find(view.approvalId()).orElseThrow();
			assertThat(stored.state()).isEqualTo(ApprovalState.EXPIRED);
			assertThat(stored.decidedBy()).isEqualTo("system");
			assertThat(stored.decidedAt()).isEqualTo(view.expiresAt());
		});
		assertThat(this.repository.find(longLived.approvalId()).orElseThrow().state()).isEqualTo(ApprovalState.PENDING);
		assertThat(this.sweeper.sweep()).isZero();
	}

}
