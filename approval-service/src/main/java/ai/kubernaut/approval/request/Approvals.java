package ai.kubernaut.approval.request;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import ai.kubernaut.approval.callback.CallbackOutbox;
import ai.kubernaut.approval.policy.ApproverPolicy;
import ai.kubernaut.approval.request.DecisionRefusedException.Reason;
import ai.kubernaut.contracts.approval.ApprovalState;
import ai.kubernaut.contracts.approval.CreateApprovalRequest;
import ai.kubernaut.contracts.approval.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens approval requests, records decisions, and ends what nobody decided in time or the
 * engine withdrew.
 * <p>
 * Exactly one final outcome per request, however many approvers answer at once: a
 * decision locks the request's row, records the approver's vote (one per identity, by
 * primary key), and moves the request with a conditional update from {@code PENDING}.
 * Only the caller whose update matched learns it won; everyone else gets a 409 naming the
 * outcome that stands. Every final state writes its audit event and its callback to the
 * engine in the same transaction.
 */
@Component
public class Approvals {

	private static final Logger log = LoggerFactory.getLogger(Approvals.class);

	private static final int DEFAULT_LIST_LIMIT = 50;

	private static final int MAX_LIST_LIMIT = 500;

	private final ApprovalRepository repository;

	private final ApprovalProperties properties;

	private final ApproverPolicy policy;

	private final CallbackOutbox callbacks;

	private final ApprovalAudit audit;

	private final ApprovalMetrics metrics;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Approvals(ApprovalRepository repository, ApprovalProperties properties, ApproverPolicy policy,
			CallbackOutbox callbacks, ApprovalAudit audit, ApprovalMetrics metrics, JsonMapper json,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.repository = repository;
		this.properties = properties;
		this.policy = policy;
		this.callbacks = callbacks;
		this.audit = audit;
		this.metrics = metrics;
		this.json = json;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	Approval create(CreateApprovalRequest request, String requestedBy) {
		Duration expiresIn = (request.expiresIn() != null) ? request.expiresIn() : this.properties.defaultExpiry();
		if (!this.properties.allowsExpiry(expiresIn)) {
			throw InvalidFieldException.expiresIn(expiresIn, this.properties.minExpiry(), this.properties.maxExpiry());
		}
		URI callbackUrl = request.callbackUrl();
		if (callbackUrl != null && (!callbackUrl.isAbsolute() || callbackUrl.getHost() == null
				|| !("http".equals(callbackUrl.getScheme()) || "https".equals(callbackUrl.getScheme())))) {
			throw InvalidFieldException.of("callbackUrl", "must be an absolute http(s) URL");
		}
		Instant now = now();
		Approval approval = new Approval(UUID.randomUUID(), request.remediationId(), request.executionId(),
				request.steps(), request.target(), request.targetResourceVersion(), request.actionType(),
				request.workflowId(), request.workflowVersion(), request.parameters(), request.graph(), request.diff(),
				(request.risk() != null) ? request.risk().toLowerCase(Locale.ROOT) : null,
				this.policy.requiredApprovals(request.requiredApprovals(), request.risk()), request.approverGroup(),
				request.reason(), callbackUrl, PlanHash.of(request, this.json), ApprovalState.PENDING, List.of(), null,
				null, null, now, now.plus(expiresIn), null);
		// The engine re-sends a request whose answer it did not get: the same execution,
		// steps and plan get the request already open rather than a second one.
		Optional<Approval> repeat = this.repository.findPendingRepeat(approval.remediationId(), approval.executionId(),
				approval.steps(), approval.planHash());
		if (repeat.isPresent()) {
			log.info("Approval {} already open for execution {} steps {}; returning it", repeat.get().id(),
					approval.executionId(), approval.steps());
			return repeat.get();
		}
		this.transactions.executeWithoutResult((status) -> {
			this.repository.insert(approval);
			this.audit.requested(approval, requestedBy);
			this.metrics.requested();
		});
		log.info(
				"Approval {} requested for remediation {}: {} on {} (steps {}, {} approval(s), plan {}), expires at {}",
				approval.id(), approval.remediationId(), approval.actionType(), approval.target(), approval.steps(),
				approval.requiredApprovals(), approval.planHash(), approval.expiresAt());
		return approval;
	}

	/**
	 * The request as it stands now: one whose deadline has passed reads as expired even
	 * before the sweep gets to it, so a caller polling for the outcome never waits on the
	 * sweep interval.
	 * @throws ApprovalNotFoundException if there is no such request
	 */
	public Approval get(UUID id) {
		Approval approval = this.repository.find(id).orElseThrow(() -> new ApprovalNotFoundException(id));
		return approval.isOverdue(now()) ? expire(approval) : approval;
	}

	/**
	 * Whether {@code approver} has already approved or rejected the request, through any
	 * channel.
	 */
	public boolean hasDecided(UUID id, String approver) {
		return this.repository.hasVoted(id, approver);
	}

	List<Approval> list(ApprovalState state, String namespace, Duration olderThan, Integer limit) {
		if (limit != null && (limit < 1 || limit > MAX_LIST_LIMIT)) {
			throw InvalidFieldException.of("limit", "must be between 1 and " + MAX_LIST_LIMIT + ", was " + limit);
		}
		if (olderThan != null && olderThan.isNegative()) {
			throw InvalidFieldException.of("olderThan", "must not be negative, was " + olderThan);
		}
		Instant createdBefore = (olderThan != null) ? now().minus(olderThan) : null;
		return this.repository.list(state, namespace, createdBefore, (limit != null) ? limit : DEFAULT_LIST_LIMIT);
	}

	/**
	 * Records {@code decider}'s decision. With two required approvals the first approval
	 * leaves the request pending; any rejection ends it.
	 * @param expectedPlanHash the plan the decision was made for (from a signed token),
	 * or {@code null} when the decider is looking at the request itself
	 * @return the request after the decision
	 * @throws ApprovalNotFoundException if there is no such request
	 * @throws DecisionRefusedException if the decision was not recorded
	 */
	public Approval decide(UUID id, Decision decision, String comment, Decider decider, String expectedPlanHash) {
		Outcome outcome = this.transactions
			.execute((status) -> decideLocked(id, decision, comment, decider, expectedPlanHash));
		if (outcome.refusal() != null) {
			log.info("Decision {} by {} via {} on approval {} refused: {}", decision, decider.name(), decider.via(), id,
					outcome.refusal());
			throw DecisionRefusedException.of(outcome.refusal(), outcome.approval(), decider.name());
		}
		Approval approval = outcome.approval();
		if (approval.state().isFinal()) {
			log.info("Approval {} for remediation {} {} by {} via {}", id, approval.remediationId(), approval.state(),
					approval.decidedBy(), decider.via());
		}
		else {
			log.info("Approval {} approved by {} via {}; waiting for {} more approver(s)", id, decider.name(),
					decider.via(), approval.requiredApprovals() - approval.approvedBy().size());
		}
		return approval;
	}

	private Outcome decideLocked(UUID id, Decision decision, String comment, Decider decider, String expectedPlanHash) {
		Instant now = now();
		Approval current = this.repository.lock(id).orElseThrow(() -> new ApprovalNotFoundException(id));
		Reason refusal = switch (current.state()) {
			case APPROVED, REJECTED -> Reason.ALREADY_DECIDED;
			case EXPIRED -> Reason.EXPIRED;
			case SUPERSEDED -> Reason.SUPERSEDED;
			case PENDING -> null;
		};
		if (refusal == null && current.isOverdue(now)) {
			current = finished(this.repository.expire(id, now).orElseThrow());
			refusal = Reason.EXPIRED;
		}
		if (refusal == null && expectedPlanHash != null && !expectedPlanHash.equals(current.planHash())) {
			refusal = Reason.PLAN_MISMATCH;
		}
		if (refusal == null
				&& !this.policy.mayDecide(decider.name(), current.target().namespace(), current.approverGroup())) {
			this.audit.denied(current, decider, decision, now);
			refusal = Reason.OUT_OF_SCOPE;
		}
		if (refusal == null && !this.repository.vote(id, decider.name(), decision, decider.via(), now)) {
			refusal = Reason.ALREADY_VOTED;
		}
		if (refusal != null) {
			this.metrics.refused(refusal);
			return new Outcome(current, refusal);
		}
		if (decision == Decision.REJECT) {
			return new Outcome(finish(id, ApprovalState.REJECTED, decider.name(), decider.via(), comment, now), null);
		}
		Approval voted = this.repository.find(id).orElseThrow();
		if (voted.approvedBy().size() < voted.requiredApprovals()) {
			return new Outcome(voted, null);
		}
		return new Outcome(
				finish(id, ApprovalState.APPROVED, String.join(",", voted.approvedBy()), decider.via(), comment, now),
				null);
	}

	private Approval finish(UUID id, ApprovalState to, String decidedBy, String via, String comment, Instant now) {
		// The row is locked and was pending, so the guarded update cannot miss; if it
		// did,
		// failing the transaction beats recording a vote without its outcome.
		return finished(this.repository.finish(id, to, decidedBy, via, comment, now)
			.orElseThrow(() -> new IllegalStateException("Approval " + id + " left PENDING while locked")));
	}

	/**
	 * Withdraws a pending request on the engine's word: the alert resolved or the plan
	 * changed. Its links and buttons stop working at once.
	 * @throws ApprovalNotFoundException if there is no such request
	 * @throws DecisionRefusedException if it is already final
	 */
	Approval supersede(UUID id, String reason, String by) {
		Outcome outcome = this.transactions.execute((status) -> {
			Approval current = this.repository.lock(id).orElseThrow(() -> new ApprovalNotFoundException(id));
			Instant now = now();
			if (current.isOverdue(now)) {
				return new Outcome(finished(this.repository.expire(id, now).orElseThrow()), Reason.EXPIRED);
			}
			return this.repository.finish(id, ApprovalState.SUPERSEDED, Approval.SYSTEM, "engine:" + by, reason, now)
				.map((superseded) -> new Outcome(finished(superseded), null))
				.orElseGet(() -> new Outcome(current, switch (current.state()) {
					case EXPIRED -> Reason.EXPIRED;
					case SUPERSEDED -> Reason.SUPERSEDED;
					default -> Reason.ALREADY_DECIDED;
				}));
		});
		if (outcome.refusal() != null) {
			throw DecisionRefusedException.of(outcome.refusal(), outcome.approval(), by);
		}
		log.info("Approval {} for remediation {} superseded by {}: {}", id, outcome.approval().remediationId(), by,
				reason);
		return outcome.approval();
	}

	/**
	 * Expires up to {@code limit} overdue requests.
	 * @return how many were expired
	 */
	int expireOverdue(int limit) {
		List<Approval> expired = this.transactions.execute((status) -> {
			List<Approval> batch = this.repository.expireOverdue(now(), limit);
			batch.forEach(this::finished);
			return batch;
		});
		expired.forEach(this::logExpired);
		return expired.size();
	}

	private Approval expire(Approval overdue) {
		Approval expired = this.transactions
			.execute((status) -> this.repository.expire(overdue.id(), now()).map(this::finished).orElse(null));
		if (expired != null) {
			logExpired(expired);
			return expired;
		}
		// Someone else expired or decided it in the meantime; theirs is the outcome that
		// stands.
		return this.repository.find(overdue.id()).orElseThrow();
	}

	/**
	 * What every final state does, inside its transaction: audit, callback, metrics.
	 */
	private Approval finished(Approval approval) {
		this.audit.finished(approval);
		if (approval.callbackUrl() != null) {
			this.callbacks.enqueue(approval.callbackUrl(), approval.toCallback());
		}
		this.metrics.finished(approval);
		return approval;
	}

	private void logExpired(Approval approval) {
		log.info("Approval {} for remediation {} expired at {} undecided", approval.id(), approval.remediationId(),
				approval.expiresAt());
	}

	private Instant now() {
		// PostgreSQL keeps microseconds; truncating here keeps what we return equal to
		// what we later read back.
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private record Outcome(Approval approval, Reason refusal) {
	}

}
