package ai.kubernaut.approval.request;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.contracts.approval.ApprovalState;
import ai.kubernaut.contracts.approval.CreateApprovalRequest;
import ai.kubernaut.contracts.approval.Decision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Opens approval requests, records decisions and expires what nobody decided in time.
 * <p>
 * Exactly one final outcome per request, however many approvers answer at once: each
 * outcome is a single conditional update from {@code PENDING} (see
 * {@link ApprovalRepository}), and only the caller whose update matched a row learns it
 * won. Everyone else gets a 409 naming the outcome that stands.
 */
@Component
class Approvals {

	private static final Logger log = LoggerFactory.getLogger(Approvals.class);

	private final ApprovalRepository repository;

	private final ApprovalProperties properties;

	private final Clock clock;

	private final Map<ApprovalState, Counter> outcomes = new EnumMap<>(ApprovalState.class);

	Approvals(ApprovalRepository repository, ApprovalProperties properties, Clock clock, MeterRegistry meters) {
		this.repository = repository;
		this.properties = properties;
		this.clock = clock;
		for (ApprovalState state : ApprovalLifecycle.targetsOf(ApprovalState.PENDING)) {
			this.outcomes.put(state,
					Counter.builder("kubernaut.approvals")
						.description("Approval requests that reached a final state")
						.tag("outcome", state.name().toLowerCase(Locale.ROOT))
						.register(meters));
		}
	}

	Approval create(CreateApprovalRequest request) {
		Duration expiresIn = (request.expiresIn() != null) ? request.expiresIn() : this.properties.defaultExpiry();
		if (!this.properties.allowsExpiry(expiresIn)) {
			throw new InvalidExpiryException(expiresIn, this.properties.minExpiry(), this.properties.maxExpiry());
		}
		Instant now = now();
		Approval approval = new Approval(UUID.randomUUID(), request.remediationId(), request.steps(), request.target(),
				request.actionType(), request.workflowId(), request.parameters(), request.reason(),
				ApprovalState.PENDING, null, null, now, now.plus(expiresIn), null);
		this.repository.insert(approval);
		log.info("Approval {} requested for remediation {}: {} on {} (steps {}), expires at {}", approval.id(),
				approval.remediationId(), approval.actionType(), approval.target(), approval.steps(),
				approval.expiresAt());
		return approval;
	}

	/**
	 * The request as it stands now: one whose deadline has passed reads as expired even
	 * before the sweep gets to it, so a caller polling for the outcome never waits on the
	 * sweep interval.
	 */
	Approval get(UUID id) {
		Approval approval = this.repository.find(id).orElseThrow(() -> new ApprovalNotFoundException(id));
		return approval.isOverdue(now()) ? expire(approval) : approval;
	}

	/**
	 * Records {@code decidedBy}'s decision.
	 * @throws ApprovalNotFoundException if there is no such request
	 * @throws ApprovalAlreadyDecidedException if it was approved or rejected before
	 * @throws ApprovalExpiredException if its deadline has passed
	 */
	Approval decide(UUID id, Decision decision, String comment, String decidedBy) {
		ApprovalState to = switch (decision) {
			case APPROVE -> ApprovalState.APPROVED;
			case REJECT -> ApprovalState.REJECTED;
		};
		Instant now = now();
		Approval decided = this.repository.decide(id, to, decidedBy, comment, now).orElse(null);
		if (decided != null) {
			this.outcomes.get(to).increment();
			log.info("Approval {} for remediation {} {} by {}", id, decided.remediationId(), to, decidedBy);
			return decided;
		}
		Approval current = this.repository.find(id).orElseThrow(() -> new ApprovalNotFoundException(id));
		throw switch (current.state()) {
			// The guarded update misses a pending row only when its deadline has passed.
			case PENDING -> new ApprovalExpiredException(expire(current));
			case EXPIRED -> new ApprovalExpiredException(current);
			case APPROVED, REJECTED -> new ApprovalAlreadyDecidedException(current);
		};
	}

	/**
	 * Expires up to {@code limit} overdue requests.
	 * @return how many were expired
	 */
	int expireOverdue(int limit) {
		List<Approval> expired = this.repository.expireOverdue(now(), limit);
		expired.forEach(this::expired);
		return expired.size();
	}

	private Approval expire(Approval overdue) {
		return this.repository.expire(overdue.id(), now())
			.map(this::expired)
			// Someone else expired or decided it in the meantime; theirs is the outcome
			// that stands.
			.orElseGet(() -> this.repository.find(overdue.id()).orElseThrow());
	}

	private Approval expired(Approval approval) {
		this.outcomes.get(ApprovalState.EXPIRED).increment();
		log.info("Approval {} for remediation {} expired at {} undecided", approval.id(), approval.remediationId(),
				approval.expiresAt());
		return approval;
	}

	private Instant now() {
		// PostgreSQL keeps microseconds; truncating here keeps what we return equal to
		// what we later read back.
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
