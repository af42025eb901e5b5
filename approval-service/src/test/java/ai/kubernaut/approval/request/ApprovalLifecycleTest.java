package ai.kubernaut.approval.request;

import java.util.EnumSet;

import ai.kubernaut.contracts.approval.ApprovalState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalLifecycleTest {

	@Test
	void pendingMayBeApprovedRejectedExpiredOrSuperseded() {
		assertThat(ApprovalLifecycle.targetsOf(ApprovalState.PENDING)).containsExactlyInAnyOrder(ApprovalState.APPROVED,
				ApprovalState.REJECTED, ApprovalState.EXPIRED, ApprovalState.SUPERSEDED);
	}

	@ParameterizedTest
	@EnumSource(value = ApprovalState.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
	void finalStatesNeverChangeAgain(ApprovalState state) {
		assertThat(state.isFinal()).isTrue();
		assertThat(ApprovalLifecycle.targetsOf(state)).isEmpty();
		assertThat(EnumSet.allOf(ApprovalState.class)).noneMatch((to) -> ApprovalLifecycle.allows(state, to));
	}

	@ParameterizedTest
	@EnumSource(value = ApprovalState.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
	void everyFinalStateIsReachedOnlyFromPending(ApprovalState state) {
		assertThat(ApprovalLifecycle.sourcesOf(state)).containsExactly(ApprovalState.PENDING);
	}

	@Test
	void nothingLeadsBackToPending() {
		assertThat(ApprovalLifecycle.sourcesOf(ApprovalState.PENDING)).isEmpty();
		assertThat(ApprovalLifecycle.allows(ApprovalState.PENDING, ApprovalState.PENDING)).isFalse();
	}

	@Test
	void aDecisionCannotBeOverturned() {
		assertThat(ApprovalLifecycle.allows(ApprovalState.APPROVED, ApprovalState.REJECTED)).isFalse();
		assertThat(ApprovalLifecycle.allows(ApprovalState.REJECTED, ApprovalState.APPROVED)).isFalse();
		assertThat(ApprovalLifecycle.allows(ApprovalState.EXPIRED, ApprovalState.APPROVED)).isFalse();
	}

}
