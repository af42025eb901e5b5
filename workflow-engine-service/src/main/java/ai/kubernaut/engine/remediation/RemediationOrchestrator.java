package ai.kubernaut.engine.remediation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ai.kubernaut.contracts.catalog.WorkflowDefinition;
import ai.kubernaut.contracts.remediation.RemediationPhase;
import ai.kubernaut.contracts.remediation.RemediationRoute;
import ai.kubernaut.contracts.remediation.RemediationView;
import ai.kubernaut.contracts.remediation.StepPhase;
import ai.kubernaut.contracts.remediation.StepView;
import ai.kubernaut.dag.workflow.Strategy;
import ai.kubernaut.engine.catalog.CatalogRun;
import ai.kubernaut.engine.catalog.CatalogRuns;
import ai.kubernaut.engine.catalog.UnsupportedEngineException;
import ai.kubernaut.engine.catalog.WorkflowQuery;
import ai.kubernaut.engine.catalog.WorkflowSelector;
import ai.kubernaut.engine.execution.ExecutionConflictException;
import ai.kubernaut.engine.execution.ExecutionListener;
import ai.kubernaut.engine.execution.ExecutionMetrics;
import ai.kubernaut.engine.execution.ExecutionOrigin;
import ai.kubernaut.engine.execution.ExecutionPhase;
import ai.kubernaut.engine.execution.InvalidWorkflowException;
import ai.kubernaut.engine.execution.WorkflowExecutionView;
import ai.kubernaut.engine.execution.WorkflowExecutions;
import ai.kubernaut.engine.notification.RemediationNotifier;
import ai.kubernaut.engine.routing.Route;
import ai.kubernaut.engine.routing.SignalRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Takes a remediation from {@code PENDING} to its end: safety rules, routing, workflow
 * selection, the approval decision, then a durable workflow execution whose end it
 * follows.
 * <p>
 * Decide, then act: every decision is committed with the remediation's new phase and its
 * audit events before the next side effect. The target lock, the failure history and the
 * cooldown live in Postgres, so they hold across engine replicas and restarts. Each step
 * is safe to repeat: a remediation that is no longer pending is left alone, a target lock
 * held by the same remediation is its own, and an execution's end is applied once.
 */
class RemediationOrchestrator implements ExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(RemediationOrchestrator.class);

	static final String APPROVAL_GATE = "approval-gate";

	static final Duration APPROVAL_WAIT = Duration.ofMinutes(15);

	private final RemediationRepository repository;

	private final TransactionOperations transactions;

	private final SignalRouter router;

	private final WorkflowSelector selector;

	private final WorkflowExecutions executions;

	private final SafetyRules safety;

	private final ApprovalPolicy approvals;

	private final RemediationAudit audit;

	private final RemediationNotifier notifier;

	private final RemediationMetrics metrics;

	private final ExecutionMetrics executionMetrics;

	private final Clock clock;

	RemediationOrchestrator(RemediationRepository repository, TransactionOperations transactions, SignalRouter router,
			WorkflowSelector selector, WorkflowExecutions executions, SafetyRules safety, ApprovalPolicy approvals,
			RemediationAudit audit, RemediationNotifier notifier, RemediationMetrics metrics,
			ExecutionMetrics executionMetrics, Clock clock) {
		this.repository = repository;
		this.transactions = transactions;
		this.router = router;
		this.selector = selector;
		this.executions = executions;
		this.safety = safety;
		this.approvals = approvals;
		this.audit = audit;
		this.notifier = notifier;
		this.metrics = metrics;
		this.executionMetrics = executionMetrics;
		this.clock = clock;
	}

	/**
	 * Runs the pending remediation up to the start of its workflow, or to its end when a
	 * rule stops it. Does nothing for a remediation that is not pending.
	 */
	void process(UUID remediationId) {
		try (MDC.MDCCloseable ignored = MDC.putCloseable("remediationId", remediationId.toString())) {
			Remediation admitted = this.transactions.execute((tx) -> admit(remediationId));
			if (admitted == null) {
				return;
			}
			if (admitted.phase().isTerminal()) {
				announce(admitted);
				return;
			}
			Optional<WorkflowDefinition> workflow;
			WorkflowQuery query = WorkflowQuery.of(admitted.actionType(), admitted.signal(), admitted.target(),
					admitted.customLabels(), admitted.detectedLabels());
			try {
				workflow = this.selector.select(query, admitted.id());
			}
			catch (RuntimeException ex) {
				log.warn("The workflow catalog could not be queried for remediation {}", remediationId, ex);
				failBeforeExecution(remediationId, "the workflow catalog could not be queried: " + ex.getMessage());
				return;
			}
			if (workflow.isEmpty()) {
				failBeforeExecution(remediationId,
						"no runnable workflow for " + admitted.actionType() + " matching " + query.describe());
				return;
			}
			start(remediationId, workflow.get());
		}
		catch (ConcurrentRemediationUpdateException ex) {
			log.info("Remediation {} was moved by another worker", remediationId);
		}
	}

	/**
	 * The first decisions, in Kubernaut's order: blocked target, busy target (taking the
	 * lock), backoff, then the route. Returns the routed remediation holding the target
	 * lock, the remediation if it ended here for manual review (to be announced), or
	 * {@code null} when it was skipped or is not pending.
	 */
	private Remediation admit(UUID remediationId) {
		Optional<Remediation> pending = this.repository.lockPending(remediationId);
		if (pending.isEmpty()) {
			return null;
		}
		Remediation remediation = pending.get();
		Instant now = this.clock.instant();
		TargetState state = this.repository.targetState(remediation.targetKey());
		Optional<SafetyRules.Block> blocked = this.safety.beforeSelection(state, now)
			.filter((block) -> block.outcome() == Outcome.ConsecutiveFailuresBlocked);
		if (blocked.isPresent()) {
			skip(remediation, blocked.get(), now);
			return null;
		}
		Optional<UUID> holder = this.repository.tryLock(remediation.targetKey(), remediation.id(), now);
		if (holder.isPresent()) {
			skip(remediation, new SafetyRules.Block(Outcome.ResourceBusy,
					"remediation " + holder.get() + " is active on " + remediation.targetKey()), now);
			return null;
		}
		Optional<SafetyRules.Block> backoff = this.safety.beforeSelection(state, now);
		if (backoff.isPresent()) {
			skip(remediation, backoff.get(), now);
			return null;
		}
		RemediationRoute route = remediation.route();
		if (route == null) {
			Optional<Route> fallback = this.router.route(remediation.signal());
			if (fallback.isEmpty()) {
				Remediation ended = end(remediation, Outcome.ManualReviewRequired,
						"no routing rule for alert " + remediation.signal().name() + " and the gateway sent no route",
						now);
				this.audit.manualReview(ended, "no route");
				return ended;
			}
			route = new RemediationRoute(fallback.get().actionType(), fallback.get().parameters(), "engine-fallback",
					false, "alert " + remediation.signal().name());
		}
		if (route.manualReview() || route.actionType() == null) {
			String reason = (route.reason() != null) ? route.reason() : "the route asks for manual review";
			Remediation ended = end(remediation, Outcome.ManualReviewRequired, reason, now);
			this.audit.manualReview(ended, reason);
			return ended;
		}
		return this.repository.update(remediation.routedTo(route.actionType()));
	}

	private void start(UUID remediationId, WorkflowDefinition workflow) {
		RemediationView started = this.transactions.execute((tx) -> {
			Optional<Remediation> pending = this.repository.lockPending(remediationId);
			if (pending.isEmpty()) {
				return null;
			}
			Remediation remediation = pending.get();
			Instant now = this.clock.instant();
			Optional<SafetyRules.Block> cooldown = this.safety.cooldown(workflow.workflowId(), remediation.targetKey(),
					this.repository.lastRemediated(remediation.targetKey(), workflow.workflowId()).orElse(null), now);
			if (cooldown.isPresent()) {
				skip(remediation, cooldown.get(), now);
				return null;
			}
			CatalogRun run;
			try {
				run = CatalogRuns.of(workflow);
			}
			catch (UnsupportedEngineException | IllegalArgumentException ex) {
				failInTransaction(remediation, ex.getMessage(), now);
				return null;
			}
			Map<String, Object> definition = new LinkedHashMap<>(run.definition());
			List<Map<String, Object>> steps = steps(definition);
			List<String> reasons = this.approvals.reasons(remediation.signal(), remediation.target(), steps);
			if (!reasons.isEmpty()) {
				definition.put("steps", gated(steps, String.join("; ", reasons)));
				definition.put("strategy", withApprovalTime(definition.get("strategy"), steps.size()));
			}
			Map<String, Object> parameters = new LinkedHashMap<>(run.defaults());
			if (remediation.route() != null) {
				parameters.putAll(remediation.route().parameters());
			}
			else {
				this.router.route(remediation.signal()).ifPresent((route) -> parameters.putAll(route.parameters()));
			}
			UUID executionId;
			try {
				executionId = this.executions.start(
						new ExecutionOrigin(run.workflowId(), remediation.id(), remediation.actionType()), definition,
						parameters, remediation.target(), false);
			}
			catch (InvalidWorkflowException ex) {
				failInTransaction(remediation,
						"workflow " + workflow.workflowName() + " cannot run: " + ex.toProblemDetail().getProperties(),
						now);
				return null;
			}
			Remediation executing = this.repository.update(remediation.executing(workflow.workflowId(),
					workflow.workflowName(), executionId, !reasons.isEmpty(), now));
			this.audit.workflowCreated(executing, !reasons.isEmpty(),
					reasons.isEmpty() ? null : String.join("; ", reasons));
			log.info("Remediation {} runs workflow {} as execution {} on {}{}", executing.id(),
					executing.workflowName(), executionId, executing.targetKey(),
					reasons.isEmpty() ? "" : " after approval (" + String.join("; ", reasons) + ")");
			return executing.toView(List.of());
		});
		if (started != null) {
			// The execution may have ended before this commit (a fast workflow); its
			// listener call then found no active remediation to update.
			phaseChanged(started.executionId(), null);
		}
	}

	/**
	 * Follows the execution: waiting for approval, running again, or ended.
	 */
	@Override
	public void phaseChanged(UUID executionId, ExecutionPhase ignored) {
		if (executionId == null) {
			return;
		}
		WorkflowExecutionView execution;
		try {
			execution = this.executions.view(executionId);
		}
		catch (RuntimeException ex) {
			log.debug("Execution {} is not readable now; the sweep catches up", executionId, ex);
			return;
		}
		Remediation ended = this.transactions.execute((tx) -> {
			Optional<Remediation> active = this.repository.lockActiveByExecution(executionId);
			if (active.isEmpty()) {
				return null;
			}
			Remediation remediation = active.get();
			Instant now = this.clock.instant();
			ExecutionPhase phase = execution.phase();
			if (phase == ExecutionPhase.WaitingForApproval && remediation.phase() == RemediationPhase.EXECUTING) {
				Remediation waiting = this.repository
					.update(remediation.following(RemediationPhase.AWAITING_APPROVAL, now));
				this.audit.transitioned(waiting, remediation.phase().name());
				return null;
			}
			if ((phase == ExecutionPhase.Running || phase == ExecutionPhase.Pending)
					&& remediation.phase() == RemediationPhase.AWAITING_APPROVAL) {
				Remediation running = this.repository.update(remediation.following(RemediationPhase.EXECUTING, now));
				this.audit.transitioned(running, remediation.phase().name());
				return null;
			}
			if (!phase.isTerminal()) {
				return null;
			}
			return switch (phase) {
				case Completed -> actedOn(execution) ? end(remediation, Outcome.Remediated, null, now)
						: end(remediation, Outcome.NoActionRequired, whyNothingRan(execution), now);
				case Cancelled ->
					end(remediation, (execution.reason() != null && execution.reason().startsWith("approval "))
							? Outcome.ApprovalRejected : Outcome.Cancelled, execution.reason(), now);
				case Failed -> "ApprovalExpired".equals(execution.reason())
						? end(remediation, Outcome.ApprovalExpired, "ApprovalExpired", now)
						: end(remediation, Outcome.Failed, execution.reason(), now);
				default -> end(remediation, Outcome.Failed,
						(execution.reason() != null) ? execution.reason() : "the workflow timed out", now);
			};
		});
		if (ended != null) {
			announce(ended);
		}
	}

	/**
	 * Stops a remediation that has not ended.
	 * @throws RemediationNotFoundException if there is none
	 * @throws RemediationFinishedException if it completed, failed or was skipped
	 */
	RemediationView cancel(UUID remediationId, String reason) {
		Remediation current = this.repository.find(remediationId)
			.orElseThrow(() -> new RemediationNotFoundException(remediationId));
		if (current.phase() == RemediationPhase.CANCELLED) {
			return view(current);
		}
		if (current.phase().isTerminal()) {
			throw new RemediationFinishedException(current.id(), current.phase(), current.outcome());
		}
		if (current.executionId() != null) {
			try {
				this.executions.cancel(current.executionId(), reason);
			}
			catch (ExecutionConflictException ex) {
				// It ended meanwhile; apply its end instead.
				phaseChanged(current.executionId(), null);
			}
		}
		Remediation ended = this.transactions.execute((tx) -> {
			Remediation locked = this.repository.lock(remediationId).orElseThrow();
			if (locked.phase().isTerminal()) {
				return null;
			}
			return end(locked, Outcome.Cancelled, reason, this.clock.instant());
		});
		Remediation result = this.repository.find(remediationId).orElseThrow();
		if (ended == null && result.phase() != RemediationPhase.CANCELLED) {
			throw new RemediationFinishedException(result.id(), result.phase(), result.outcome());
		}
		return view(result);
	}

	RemediationView view(Remediation remediation) {
		List<StepView> steps = List.of();
		if (remediation.executionId() != null) {
			try {
				steps = this.executions.view(remediation.executionId())
					.steps()
					.stream()
					.filter((step) -> !APPROVAL_GATE.equals(step.id()))
					.map(RemediationOrchestrator::stepView)
					.toList();
			}
			catch (RuntimeException ex) {
				log.debug("Steps of execution {} unavailable", remediation.executionId(), ex);
			}
		}
		return remediation.toView(steps);
	}

	private static StepView stepView(WorkflowExecutionView.Step step) {
		StepPhase phase = switch (step.phase()) {
			case "pending" -> StepPhase.PENDING;
			case "waiting-approval" -> StepPhase.WAITING_APPROVAL;
			case "running" -> StepPhase.RUNNING;
			case "completed" -> StepPhase.SUCCEEDED;
			case "failed" -> StepPhase.FAILED;
			case "skipped" -> StepPhase.SKIPPED;
			case "cancelled" -> StepPhase.CANCELLED;
			case "rolled-back" -> StepPhase.ROLLED_BACK;
			default -> StepPhase.ROLLBACK_FAILED;
		};
		return new StepView(step.id(), step.action(), phase, Map.of(), step.output(), step.error(), step.startedAt(),
				step.finishedAt());
	}

	private void failBeforeExecution(UUID remediationId, String reason) {
		Remediation ended = this.transactions.execute((tx) -> this.repository.lock(remediationId)
			.filter((remediation) -> remediation.phase() == RemediationPhase.PENDING)
			.map((remediation) -> failInTransaction(remediation, reason, this.clock.instant()))
			.orElse(null));
		if (ended != null) {
			announce(ended);
		}
	}

	private Remediation failInTransaction(Remediation remediation, String reason, Instant now) {
		return end(remediation, Outcome.Failed, reason, now);
	}

	private void skip(Remediation remediation, SafetyRules.Block block, Instant now) {
		Remediation skipped = end(remediation, block.outcome(), block.message(), now);
		this.audit.blocked(skipped, block.outcome(), block.message());
		this.executionMetrics.skipped(block.outcome().name());
		log.info("Remediation {} skipped: {} ({})", remediation.id(), block.outcome(), block.message());
	}

	/**
	 * Ends the remediation in the current transaction: phase and outcome, the target lock
	 * released (if this remediation holds it), the target's failure history, audit. A
	 * failure before any execution started backs the target off; every failure counts
	 * towards the consecutive-failure block; a success clears the history.
	 */
	private Remediation end(Remediation remediation, Outcome outcome, String reason, Instant now) {
		Remediation ended = this.repository.update(remediation.ended(outcome.phase(), outcome, reason, now));
		this.repository.releaseLock(remediation.targetKey(), remediation.id());
		if (outcome == Outcome.Remediated) {
			this.repository.saveTargetState(this.safety.afterSuccess(this.repository.targetState(ended.targetKey())));
		}
		else if (outcome == Outcome.Failed) {
			this.repository.saveTargetState(this.safety.afterFailure(this.repository.targetState(ended.targetKey()),
					remediation.executionId() == null, now));
		}
		if (outcome.phase() != RemediationPhase.SKIPPED) {
			this.audit.ended(ended);
		}
		return ended;
	}

	private void announce(Remediation ended) {
		this.metrics.finished(ended.phase(), ended.outcome(), Duration.between(ended.createdAt(), ended.completedAt()));
		try {
			this.notifier.announce(view(ended));
		}
		catch (RuntimeException ex) {
			log.error("Could not announce remediation {}", ended.id(), ex);
		}
	}

	private static boolean actedOn(WorkflowExecutionView execution) {
		return execution.steps()
			.stream()
			.anyMatch((step) -> !APPROVAL_GATE.equals(step.id()) && "completed".equals(step.phase()));
	}

	private static String whyNothingRan(WorkflowExecutionView execution) {
		return execution.steps()
			.stream()
			.filter((step) -> "skipped".equals(step.phase()) && step.error() != null)
			.map((step) -> "step '" + step.id() + "' skipped: " + step.error())
			.findFirst()
			.orElse("every step was skipped");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> steps(Map<String, Object> definition) {
		List<Map<String, Object>> steps = new ArrayList<>();
		if (definition.get("steps") instanceof List<?> list) {
			for (Object step : list) {
				if (step instanceof Map<?, ?> map) {
					steps.add(new LinkedHashMap<>((Map<String, Object>) map));
				}
			}
		}
		return steps;
	}

	/**
	 * The workflow's timeout counts the wait for approval too; a gated run without an
	 * explicit timeout gets the default for its size plus the approval expiry
	 * (approval-service's default, 15 min), so an approval given in time can still run
	 * the workflow.
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> withApprovalTime(Object strategy, int stepCount) {
		Map<String, Object> result = new LinkedHashMap<>();
		if (strategy instanceof Map<?, ?> given) {
			result.putAll((Map<String, Object>) given);
		}
		if (!result.containsKey("timeout")) {
			Duration timeout = Strategy.defaultTimeout(stepCount).plus(APPROVAL_WAIT);
			result.put("timeout", timeout.toMinutes() + "m");
		}
		return result;
	}

	/**
	 * The steps behind one approval gate: a zero wait that needs approval, on which every
	 * step without dependencies then depends. One approval request covers the whole run
	 * and carries its graph.
	 */
	static List<Map<String, Object>> gated(List<Map<String, Object>> steps, String reasons) {
		List<Map<String, Object>> gated = new ArrayList<>();
		Map<String, Object> gate = new LinkedHashMap<>();
		gate.put("id", APPROVAL_GATE);
		gate.put("name", "Approval required: " + reasons);
		gate.put("action", "wait");
		gate.put("parameters", Map.of("duration", "0s"));
		gate.put("requiresApproval", true);
		gated.add(gate);
		for (Map<String, Object> step : steps) {
			Object dependsOn = step.get("dependsOn");
			if (dependsOn == null || (dependsOn instanceof List<?> list && list.isEmpty())) {
				Map<String, Object> copy = new LinkedHashMap<>(step);
				copy.put("dependsOn", List.of(APPROVAL_GATE));
				gated.add(copy);
			}
			else {
				gated.add(step);
			}
		}
		return gated;
	}

}
