package ai.kubernaut.approval.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.kubernaut.approval.policy.PolicyProperties.Approver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ApproverPolicyTest {

	private final ApproverPolicy policy = new ApproverPolicy(new PolicyProperties(
			Map.of("alice", new Approver(List.of("demo-*"), Set.of("sre"), "U1"), "bob",
					new Approver(List.of("payments"), Set.of("dba"), "U2"), "root", new Approver(null, null, null)),
			Set.of("high")));

	@Test
	void scopesApproversByNamespacePatternAndGroup() {
		assertThat(this.policy.mayDecide("alice", "demo-shop", null)).isTrue();
		assertThat(this.policy.mayDecide("alice", "demo-shop", "sre")).isTrue();
		assertThat(this.policy.mayDecide("alice", "demo-shop", "dba")).isFalse();
		assertThat(this.policy.mayDecide("alice", "payments", null)).isFalse();
		assertThat(this.policy.mayDecide("bob", "payments", "dba")).isTrue();
		assertThat(this.policy.mayDecide("bob", "payments-v2", null)).isFalse();
		assertThat(this.policy.mayDecide("root", "anything", null)).isTrue();
		assertThat(this.policy.mayDecide("mallory", "demo-shop", null)).isFalse();
	}

	@Test
	void listsTheApproversInScopeForLinks() {
		assertThat(this.policy.approversInScope("demo-shop", null)).containsExactly("alice", "root");
		assertThat(this.policy.approversInScope("payments", "dba")).containsExactly("bob");
	}

	@Test
	void mapsSlackUsersToApprovers() {
		assertThat(this.policy.approverForSlackUser("U2")).contains("bob");
		assertThat(this.policy.approverForSlackUser("U9")).isEmpty();
	}

	@Test
	void raisesTheRequiredApprovalsForTwoPersonRisks() {
		assertThat(this.policy.requiredApprovals(null, null)).isEqualTo(1);
		assertThat(this.policy.requiredApprovals(2, "low")).isEqualTo(2);
		assertThat(this.policy.requiredApprovals(1, "HIGH")).isEqualTo(2);
	}

	@Test
	void withoutApproversEveryApproverRoleHolderMayDecideAndNoLinksAreMinted() {
		ApproverPolicy open = new ApproverPolicy(new PolicyProperties(Map.of(), Set.of("high")));

		assertThat(open.mayDecide("anyone", "payments", "dba")).isTrue();
		assertThat(open.approversInScope("payments", null)).isEmpty();
	}

	@Test
	void refusesOneSlackUserForTwoApprovers() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ApproverPolicy(new PolicyProperties(
					Map.of("a", new Approver(null, null, "U1"), "b", new Approver(null, null, "U1")), Set.of())))
			.withMessageContaining("U1");
	}

}
