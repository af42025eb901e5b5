package ai.kubernaut.approval.request;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import ai.kubernaut.contracts.approval.ApprovalState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Approvals requested, final outcomes ({@code kubernaut_approvals_total{outcome}}, which
 * includes the expired count), time from request to final state, and refused decisions.
 * Counted when the transaction commits, so a rolled-back decision is never counted.
 */
@Component
class ApprovalMetrics {

	private final Counter requested;

	private final Map<ApprovalState, Counter> outcomes = new EnumMap<>(ApprovalState.class);

	private final Map<ApprovalState, Timer> timeToDecision = new EnumMap<>(ApprovalState.class);

	private final MeterRegistry meters;

	ApprovalMetrics(MeterRegistry meters) {
		this.meters = meters;
		this.requested = Counter.builder("kubernaut.approvals.requested")
			.description("Approval requests opened")
			.register(meters);
		for (ApprovalState state : ApprovalLifecycle.targetsOf(ApprovalState.PENDING)) {
			String outcome = state.name().toLowerCase(Locale.ROOT);
			this.outcomes.put(state,
					Counter.builder("kubernaut.approvals")
						.description("Approval requests that reached a final state")
						.tag("outcome", outcome)
						.register(meters));
			this.timeToDecision.put(state,
					Timer.builder("kubernaut.approval.time.to.decision")
						.description("Time from an approval request to its final state")
						.tag("outcome", outcome)
						.publishPercentileHistogram()
						.minimumExpectedValue(Duration.ofSeconds(1))
						.maximumExpectedValue(Duration.ofHours(24))
						.register(meters));
		}
	}

	void requested() {
		afterCommit(this.requested::increment);
	}

	void finished(Approval approval) {
		afterCommit(() -> {
			this.outcomes.get(approval.state()).increment();
			this.timeToDecision.get(approval.state())
				.record(Duration.between(approval.createdAt(), approval.decidedAt()));
		});
	}

	void refused(DecisionRefusedException.Reason reason) {
		afterCommit(() -> Counter.builder("kubernaut.approval.decisions.refused")
			.description("Decisions that were not recorded, by reason")
			.tag("reason", reason.name().toLowerCase(Locale.ROOT))
			.register(this.meters)
			.increment());
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

}
