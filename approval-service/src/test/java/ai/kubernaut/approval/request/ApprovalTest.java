package ai.kubernaut.approval.request;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.contracts.approval.ApprovalState;
import ai.kubernaut.contracts.signal.ResourceRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalTest {

	private static final Instant CREATED = Instant.parse("2025-06-01T03:00:00Z");

	private static final Instant DEADLINE = CREATED.plusSeconds(900);

	@Test
	void isOverdueFromItsDeadlineOn() {
		Approval pending = approval(ApprovalState.PENDING);

		assertThat(pending.isOverdue(DEADLINE.minusMillis(1))).isFalse();
		assertThat(pending.isOverdue(DEADLINE)).isTrue();
		assertThat(pending.isOverdue(DEADLINE.plusSeconds(3600))).isTrue();
	}

	@Test
	void aDecidedRequestIsNeverOverdue() {
		assertThat(approval(ApprovalState.APPROVED).isOverdue(DEADLINE.plusSeconds(3600))).isFalse();
		assertThat(approval(ApprovalState.EXPIRED).isOverdue(DEADLINE.plusSeconds(3600))).isFalse();
	}

	private static Approval approval(ApprovalState state) {
		return new Approval(UUID.randomUUID(), UUID.randomUUID(), null, List.of("restart"),
				new ResourceRef("Deployment", "demo", "web"), "4711", "GracefulRestart", "graceful-restart-v1", "1.0.0",
				Map.of(), null, null, null, 1, null, null, null, "hash", state, List.of(), null, null, null, CREATED,
				DEADLINE, null);
	}

}
