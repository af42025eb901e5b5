package ai.kubernaut.engine.execution;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import ai.kubernaut.dag.workflow.Moves;
import ai.kubernaut.dag.workflow.ParameterReferences;
import ai.kubernaut.dag.workflow.RunState;
import ai.kubernaut.dag.workflow.StepPhase;
import ai.kubernaut.dag.workflow.StepState;
import ai.kubernaut.dag.workflow.Workflow;
import ai.kubernaut.dag.workflow.WorkflowScheduler;
import ai.kubernaut.dag.workflow.WorkflowStep;
import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionRegistry;
import ai.kubernaut.actions.ActionSkippedException;
import ai.kubernaut.actions.RemediationAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;

import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Drives workflow executions stored in Postgres: claims due executions with a lease, asks
 * the {@link WorkflowScheduler} what to do, commits every transition, and only then runs
 * the side effects on virtual threads.
 * <p>
 * Durability rules: a step attempt gets an id and the RUNNING phase in the database
 * before its action runs; a result is recorded only for the attempt that is still
 * current; the parameters an attempt acts on are frozen (prepared) and stored before the
 * side effect, so a re-drive repeats the same absolute change. Leases are renewed by a
 * heartbeat while steps are in flight; when a replica dies its leases expire and any
 * replica re-drives its running attempts.
 */
public class ExecutionWorker implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ExecutionWorker.class);

	private static final int MAX_DECISIONS_PER_TICK = 20;

	private final String owner;

	private final ExecutionRepository repository;

	private final TransactionOperations transactions;

	private final LoadedWorkflows workflows;

	private final ActionRegistry actions;

	private final ExecutionMetrics metrics;

	private final Clock clock;

	private final ExecutionProperties properties;

	private final ApprovalRequests approvals;

	private final ExecutionListeners listeners;

	private final WorkflowScheduler scheduler = new WorkflowScheduler();

	private final Map<UUID, Map<String, InFlight>> inFlight = new ConcurrentHashMap<>();

	private final Map<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();

	private final Semaphore stepPermits;

	private final Semaphore transactionPermits;

	private final ThreadLocal<List<Runnable>> afterCommit = ThreadLocal.withInitial(ArrayList::new);

	private volatile ScheduledExecutorService timers;

	private volatile ExecutorService work;

	ExecutionWorker(String owner, ExecutionRepository repository, TransactionOperations transactions,
			LoadedWorkflows workflows, ActionRegistry actions, ExecutionMetrics metrics, Clock clock,
			ExecutionProperties properties, ApprovalRequests approvals, ExecutionListeners listeners) {
		this.approvals = approvals;
		this.listeners = listeners;
		this.owner = owner;
		this.repository = repository;
		this.transactions = transactions;
		this.workflows = workflows;
		this.actions = actions;
		this.metrics = metrics;
		this.clock = clock;
		this.properties = properties;
		this.stepPermits = new Semaphore(properties.maxConcurrentSteps());
		this.transactionPermits = new Semaphore(properties.maxConcurrentTransactions());
	}

	String owner() {
		return this.owner;
	}

	@Override
	public void start() {
		if (!this.properties.workerEnabled()) {
			logger.info("Execution worker disabled on this replica");
			return;
		}
		this.work = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("execution-", 0).factory());
		this.timers = Executors.newScheduledThreadPool(1, Thread.ofPlatform().name("execution-poller").factory());
		long poll = this.properties.pollInterval().toMillis();
		long heartbeat = Math.max(100, this.properties.lease().toMillis() / 3);
		this.timers.scheduleWithFixedDelay(this::pollSafely, 0, poll, TimeUnit.MILLISECONDS);
		this.timers.scheduleWithFixedDelay(this::heartbeatSafely, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
		logger.info("Execution worker {} started (lease {}, poll {})", this.owner, this.properties.lease(),
				this.properties.pollInterval());
	}

	/**
	 * Stops claiming and interrupts running steps without recording anything, the way a
	 * crash would: their leases expire and another replica re-drives them.
	 */
	@Override
	public void stop() {
		ScheduledExecutorService timers = this.timers;
		ExecutorService work = this.work;
		this.timers = null;
		this.work = null;
		if (timers != null) {
			timers.shutdownNow();
		}
		if (work != null) {
			work.shutdownNow();
			try {
				work.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.inFlight.clear();
	}

	@Override
	public boolean isRunning() {
		return this.timers != null;
	}

	/**
	 * Asks this replica to decide for {@code executionId} now, e.g. after an API call
	 * changed it. Safe to call for executions another replica holds: the call then does
	 * nothing and the poller or the holder picks the change up.
	 */
	void nudge(UUID executionId) {
		ExecutorService work = this.work;
		if (work != null && !work.isShutdown()) {
			work.execute(() -> tickSafely(executionId));
		}
	}

	private void pollSafely() {
		try {
			if (this.stepPermits.availablePermits() == 0) {
				return;
			}
			List<UUID> claimed = this.repository.claimDue(this.owner, this.clock.instant(), this.properties.lease(),
					this.properties.claimBatch());
			claimed.forEach(this::nudge);
		}
		catch (RuntimeException ex) {
			logger.warn("Claiming due workflow executions failed; retrying at the next poll", ex);
		}
	}

	private void heartbeatSafely() {
		try {
			Instant now = this.clock.instant();
			List<UUID> ids = List.copyOf(this.inFlight.keySet());
			this.repository.renewLeases(this.owner, ids, now.plus(this.properties.lease()));
			for (UUID id : ids) {
				Map<String, InFlight> steps = this.inFlight.get(id);
				if (steps != null) {
					this.repository.heartbeat(id, List.copyOf(steps.keySet()), now);
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Renewing execution leases failed", ex);
		}
	}

	private void tickSafely(UUID id) {
		try {
			tick(id);
		}
		catch (RuntimeException ex) {
			logger.warn("Deciding for workflow execution {} failed; it stays due and is retried", id, ex);
		}
	}

	void tick(UUID id) {
		tick(id, null);
	}

	/**
	 * Decides for {@code id}; {@code first}, when given, runs in the same transaction
	 * before the decision (recording a step's result), so a step's end and the next
	 * decision cost one commit.
	 */
	private void tick(UUID id, Runnable first) {
		ReentrantLock lock = this.locks.computeIfAbsent(id, (key) -> new ReentrantLock());
		lock.lock();
		try {
			this.afterCommit.get().clear();
			List<Launch> launches = inTransaction(() -> this.transactions.execute((tx) -> {
				if (first != null) {
					first.run();
				}
				return decideAndCommit(id);
			}));
			if (launches == null) {
				return;
			}
			List<Runnable> sideEffects = List.copyOf(this.afterCommit.get());
			this.afterCommit.get().clear();
			sideEffects.forEach(Runnable::run);
			launches.forEach(this::launch);
			if (this.work == null) {
				// Stopping: keep the lease; it expires and another replica re-drives what
				// was not launched.
				return;
			}
			if (this.inFlight.getOrDefault(id, Map.of()).isEmpty()) {
				this.inFlight.remove(id);
				this.repository.release(id, this.owner, this.clock.instant());
				this.metrics.leaseReleased();
			}
		}
		finally {
			lock.unlock();
			if (!lock.isLocked() && !lock.hasQueuedThreads()) {
				this.locks.remove(id, lock);
			}
		}
	}

	private List<Launch> decideAndCommit(UUID id) {
		Instant now = this.clock.instant();
		Optional<ExecutionRow> owned = this.repository.lockOwned(id, this.owner);
		if (owned.isEmpty()) {
			if (!this.repository.claim(id, this.owner, now, this.properties.lease())) {
				return null;
			}
			owned = this.repository.lockOwned(id, this.owner);
			if (owned.isEmpty()) {
				return null;
			}
		}
		ExecutionRow execution = owned.get();
		if (!execution.phase().isDriven()) {
			this.repository.updateExecution(id, execution.phase(), execution.reason(), null, now);
			return List.of();
		}
		Workflow workflow = this.workflows.of(execution);
		List<Launch> launches = new ArrayList<>();
		Map<String, InFlight> mine = this.inFlight.getOrDefault(id, Map.of());
		Map<String, StepRow> rows = rows(id);
		for (StepRow row : rows.values()) {
			if (row.phase() == StepPhase.RUNNING && !mine.containsKey(row.stepId()) && row.attemptId() != null) {
				// Started by a replica that is gone, or by this one before a restart:
				// repeat the same attempt.
				this.repository.event(id, row.stepId(), "redriven", "attempt " + row.attempts() + " re-driven", now);
				this.metrics.redriven();
				launches.add(stepLaunch(execution, workflow, rows, row, row.prepared()));
			}
		}
		ExecutionPhase phase = execution.phase();
		Moves moves = null;
		for (int round = 0; round < MAX_DECISIONS_PER_TICK; round++) {
			moves = this.scheduler.decide(workflow,
					new RunState(execution.startedAt(), now, states(rows), execution.parameters(), execution.target()));
			boolean changed = apply(execution, workflow, rows, moves, launches, now);
			if (!changed || moves.isFinished()) {
				break;
			}
		}
		ExecutionPhase next;
		String reason = execution.reason();
		Instant dueAt = moves.wakeAt();
		// An approval request whose answer never came (approval-service down) is sent
		// again; approval-service returns the open request for a repeat.
		if (rows.values().stream().anyMatch((row) -> row.phase() == StepPhase.WAITING_APPROVAL)) {
			Instant retryBefore = now.minus(this.properties.approvalRetryInterval());
			for (String stepId : this.repository.stepsAwaitingApprovalRequest(id, retryBefore)) {
				this.repository.event(id, stepId, "approval-requested", "sent again: no request id recorded", now);
				requestApproval(execution, workflow, rows, rows.get(stepId));
			}
			Instant retryAt = now.plus(this.properties.approvalRetryInterval());
			dueAt = (dueAt == null || retryAt.isBefore(dueAt)) ? retryAt : dueAt;
		}
		if (moves.isFinished()) {
			next = switch (moves.outcome()) {
				case COMPLETED -> ExecutionPhase.Completed;
				case FAILED -> ExecutionPhase.Failed;
				case TIMED_OUT -> ExecutionPhase.TimedOut;
			};
			reason = firstError(rows);
			dueAt = null;
		}
		else if (rows.values().stream().noneMatch((row) -> row.phase() == StepPhase.RUNNING)
				&& rows.values().stream().anyMatch((row) -> row.phase() == StepPhase.WAITING_APPROVAL)
				&& launches.isEmpty()) {
			next = ExecutionPhase.WaitingForApproval;
		}
		else {
			next = ExecutionPhase.Running;
		}
		if (next != phase) {
			this.repository.event(id, null, next.name(), reason, now);
			this.metrics.phase(phase, next, execution, now);
			ExecutionPhase reached = next;
			this.afterCommit.get().add(() -> this.listeners.phaseChanged(id, reached));
		}
		this.repository.updateExecution(id, next, reason, dueAt, now);
		if (next.isTerminal()) {
			this.workflows.forget(id);
		}
		return launches;
	}

	private boolean apply(ExecutionRow execution, Workflow workflow, Map<String, StepRow> rows, Moves moves,
			List<Launch> launches, Instant now) {
		UUID id = execution.id();
		boolean changed = false;
		for (Moves.StepMove timeOut : moves.timeOut()) {
			StepRow row = rows.get(timeOut.stepId());
			put(id, rows,
					new StepRow(row.stepId(), row.position(), row.action(), StepPhase.FAILED, row.attempts(),
							row.attemptId(), row.prepared(), row.approved(), row.startedAt(), now, null, Map.of(),
							timeOut.reason()));
			this.repository.event(id, row.stepId(), "failed", timeOut.reason(), now);
			this.metrics.error("timeout", "StepTimedOut");
			Optional.ofNullable(this.inFlight.getOrDefault(id, Map.of()).get(row.stepId()))
				.ifPresent((running) -> running.future().cancel(true));
			changed = true;
		}
		for (Moves.StepMove fail : moves.fail()) {
			StepRow row = rows.get(fail.stepId());
			put(id, rows, phase(row, StepPhase.FAILED, fail.reason(), now));
			this.repository.event(id, row.stepId(), "failed", fail.reason(), now);
			changed = true;
		}
		for (Moves.Retry retry : moves.retry()) {
			StepRow row = rows.get(retry.stepId());
			put(id, rows, new StepRow(row.stepId(), row.position(), row.action(), StepPhase.PENDING, row.attempts(),
					null, null, row.approved(), row.startedAt(), row.finishedAt(), retry.at(), Map.of(), row.error()));
			this.repository.event(id, row.stepId(), "pending", "retry at " + retry.at(), now);
			changed = true;
		}
		for (Moves.StepMove skip : moves.skip()) {
			StepRow row = rows.get(skip.stepId());
			put(id, rows, phase(row, StepPhase.SKIPPED, skip.reason(), now));
			this.repository.event(id, row.stepId(), "skipped", skip.reason(), now);
			this.metrics.skipped(skip.reason());
			changed = true;
		}
		for (String stepId : moves.awaitApproval()) {
			StepRow row = rows.get(stepId);
			StepRow waiting = phase(row, StepPhase.WAITING_APPROVAL, null, null);
			put(id, rows, waiting);
			this.repository.event(id, stepId, "waiting-approval", null, now);
			requestApproval(execution, workflow, rows, waiting);
			changed = true;
		}
		for (String stepId : moves.start()) {
			StepRow row = rows.get(stepId);
			StepRow running = new StepRow(row.stepId(), row.position(), row.action(), StepPhase.RUNNING,
					row.attempts() + 1, UUID.randomUUID(), null, row.approved(), now, null, null, Map.of(), null);
			put(id, rows, running);
			this.repository.event(id, stepId, "running", "attempt " + running.attempts() + " on " + this.owner, now);
			launches.add(stepLaunch(execution, workflow, rows, running, null));
		}
		if (moves.rollBack() != null
				&& !this.inFlight.getOrDefault(id, Map.of()).containsKey(rollbackKey(moves.rollBack()))) {
			launches.add(rollbackLaunch(execution, workflow, rows, rows.get(moves.rollBack())));
			this.repository.event(id, moves.rollBack(), "rolling-back", null, now);
		}
		return changed;
	}

	private void requestApproval(ExecutionRow execution, Workflow workflow, Map<String, StepRow> rows,
			StepRow waiting) {
		Launch gate = stepLaunch(execution, workflow, rows, waiting, null);
		Map<String, String> phases = new LinkedHashMap<>();
		rows.forEach((key, value) -> phases.put(key, value.phase().text()));
		String graph = ai.kubernaut.dag.workflow.GraphText.render(workflow, phases);
		WorkflowStep step = workflow.step(waiting.stepId());
		// Sent after the commit, like every side effect; see tick().
		this.afterCommit.get()
			.add(() -> this.approvals.request(execution, step,
					(gate.parameters() != null) ? gate.parameters() : Map.of(), graph));
	}

	private Launch stepLaunch(ExecutionRow execution, Workflow workflow, Map<String, StepRow> rows, StepRow row,
			Map<String, Object> prepared) {
		WorkflowStep step = workflow.step(row.stepId());
		Map<String, Object> parameters = null;
		String error = null;
		try {
			parameters = actionParameters(execution, step.parameters(), outputs(rows));
		}
		catch (IllegalArgumentException ex) {
			error = ex.getMessage();
		}
		return new Launch(execution.id(), row.stepId(), row.attemptId(), step.action(), parameters, prepared, error,
				execution.dryRun(), false, row.startedAt());
	}

	private Launch rollbackLaunch(ExecutionRow execution, Workflow workflow, Map<String, StepRow> rows, StepRow row) {
		WorkflowStep step = workflow.step(row.stepId());
		String action;
		Map<String, Object> declared;
		if (step.rollback() != null) {
			action = step.rollback().action();
			declared = step.rollback().parameters();
		}
		else {
			Map<?, ?> recorded = (Map<?, ?>) row.output().get("rollback");
			action = String.valueOf(recorded.get("action"));
			declared = new LinkedHashMap<>();
			Object parameters = recorded.get("parameters");
			if (parameters instanceof Map<?, ?> map) {
				map.forEach((key, value) -> declared.put(String.valueOf(key), value));
			}
		}
		Map<String, Object> parameters = null;
		String error = null;
		try {
			parameters = actionParameters(execution, declared, outputs(rows));
		}
		catch (IllegalArgumentException ex) {
			error = ex.getMessage();
		}
		// A compensation must be repeatable as it stands: it acts on the parameters as
		// resolved now.
		return new Launch(execution.id(), row.stepId(), row.attemptId(), action, parameters, parameters, error,
				execution.dryRun(), true, null);
	}

	private void launch(Launch launch) {
		ExecutorService work = this.work;
		if (work == null) {
			return;
		}
		String key = launch.rollback() ? rollbackKey(launch.stepId()) : launch.stepId();
		Map<String, InFlight> steps = this.inFlight.computeIfAbsent(launch.executionId(),
				(id) -> new ConcurrentHashMap<>());
		if (steps.containsKey(key)) {
			return;
		}
		InFlight placeholder = new InFlight(launch, new java.util.concurrent.CompletableFuture<>());
		steps.put(key, placeholder);
		Future<?> future = work.submit(() -> run(launch, key));
		steps.computeIfPresent(key, (k, current) -> new InFlight(launch, future));
	}

	private void run(Launch launch, String key) {
		StepPhase phase;
		Map<String, Object> output = Map.of();
		String error = null;
		boolean acquired = false;
		Instant started = this.clock.instant();
		try {
			this.stepPermits.acquire();
			acquired = true;
			if (launch.error() != null) {
				throw new IllegalArgumentException(launch.error());
			}
			output = perform(launch);
			phase = launch.rollback() ? StepPhase.ROLLED_BACK : StepPhase.COMPLETED;
		}
		catch (InterruptedException ex) {
			// Stopped (shutdown or timeout): nothing is recorded; whoever stopped it owns
			// the step now.
			Thread.currentThread().interrupt();
			forget(launch.executionId(), key);
			return;
		}
		catch (DataAccessException ex) {
			// The database, not the action, failed: record nothing, so the attempt stays
			// running and is re-driven
			// with its stored parameters once the lease is claimed again.
			logger.warn("Step {} of execution {} could not be persisted; it will be re-driven", launch.stepId(),
					launch.executionId(), ex);
			forget(launch.executionId(), key);
			return;
		}
		catch (ActionSkippedException ex) {
			phase = launch.rollback() ? StepPhase.ROLLBACK_FAILED : StepPhase.SKIPPED;
			error = ex.reason() + ": " + ex.getMessage();
			this.metrics.skipped(ex.reason());
		}
		catch (Exception ex) {
			if (Thread.currentThread().isInterrupted() || this.work == null) {
				forget(launch.executionId(), key);
				return;
			}
			phase = launch.rollback() ? StepPhase.ROLLBACK_FAILED : StepPhase.FAILED;
			error = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		}
		finally {
			if (acquired) {
				this.stepPermits.release();
			}
		}
		Instant now = this.clock.instant();
		StepPhase recordedPhase = phase;
		Map<String, Object> recordedOutput = launch.rollback() ? null : output;
		String recordedError = error;
		Runnable record = () -> {
			// Forgotten only now, under the execution's lock: a decision that saw the
			// step
			// neither in flight nor ended would re-drive it.
			forget(launch.executionId(), key);
			boolean recorded = (recordedOutput != null)
					? this.repository.recordResult(launch.executionId(), launch.stepId(), launch.attemptId(),
							recordedPhase, recordedOutput, recordedError, now)
					: this.repository.recordRollback(launch.executionId(), launch.stepId(), recordedPhase,
							recordedError, now);
			if (recorded) {
				this.repository.event(launch.executionId(), launch.stepId(), recordedPhase.text(), recordedError, now);
				this.repository.markDue(launch.executionId(), now);
			}
		};
		try {
			tick(launch.executionId(), record);
			this.metrics.step(launch.action(), recordedPhase, java.time.Duration.between(started, now));
		}
		catch (RuntimeException ex) {
			// Nothing of the transaction committed: the attempt stays running and is
			// re-driven, idempotently, once its lease is claimed again.
			logger.warn("Recording the result of step {} of execution {} failed; the attempt will be re-driven",
					launch.stepId(), launch.executionId(), ex);
			forget(launch.executionId(), key);
		}
	}

	private Map<String, Object> perform(Launch launch) throws Exception {
		RemediationAction action = this.actions.find(launch.action())
			.orElseThrow(() -> new IllegalStateException("No action named " + launch.action()));
		if (launch.dryRun()) {
			Map<String, Object> preview = action
				.preview(new ActionContext(launch.executionId(), launch.stepId(), launch.parameters()));
			return (preview != null) ? preview : Map.of("dryRun", true);
		}
		Map<String, Object> prepared = launch.prepared();
		if (prepared == null) {
			ActionContext context = new ActionContext(launch.executionId(), launch.stepId(), launch.parameters());
			prepared = action.prepare(context);
			Map<String, Object> frozen = prepared;
			if (frozen.equals(context.parameters())) {
				// Nothing was frozen: a re-drive derives the same parameters again, so
				// the
				// transaction that stores them is saved (one of the few per step).
				return execute(action, launch, frozen);
			}
			Boolean stored = inTransaction(() -> this.transactions.execute((tx) -> this.repository
				.storePrepared(launch.executionId(), launch.stepId(), launch.attemptId(), frozen)));
			if (!Boolean.TRUE.equals(stored)) {
				throw new InterruptedException("attempt " + launch.attemptId() + " is no longer current");
			}
		}
		return execute(action, launch, prepared);
	}

	private static Map<String, Object> execute(RemediationAction action, Launch launch, Map<String, Object> prepared) {
		Map<String, Object> output = action
			.execute(new ActionContext(launch.executionId(), launch.stepId(), prepared, launch.startedAt()));
		return (output != null) ? output : Map.of();
	}

	/**
	 * Runs a transaction once a database slot is free. Bounding transactions below the
	 * connection pool lets thousands of virtual threads queue here, cheaply, instead of
	 * timing out in the pool.
	 */
	private <T> T inTransaction(java.util.function.Supplier<T> work) {
		try {
			this.transactionPermits.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new java.util.concurrent.CancellationException("interrupted while waiting for the database");
		}
		try {
			return work.get();
		}
		finally {
			this.transactionPermits.release();
		}
	}

	private void forget(UUID executionId, String key) {
		Map<String, InFlight> steps = this.inFlight.get(executionId);
		if (steps != null) {
			steps.remove(key);
		}
	}

	private Map<String, StepRow> rows(UUID id) {
		Map<String, StepRow> rows = new LinkedHashMap<>();
		this.repository.steps(id).forEach((row) -> rows.put(row.stepId(), row));
		return rows;
	}

	private void put(UUID id, Map<String, StepRow> rows, StepRow row) {
		rows.put(row.stepId(), row);
		this.repository.updateStep(id, row);
	}

	private static StepRow phase(StepRow row, StepPhase phase, String error, Instant finishedAt) {
		return new StepRow(row.stepId(), row.position(), row.action(), phase, row.attempts(), row.attemptId(),
				row.prepared(), row.approved(), row.startedAt(), (finishedAt != null) ? finishedAt : row.finishedAt(),
				row.notBefore(), row.output(), (error != null) ? error : row.error());
	}

	private static Map<String, StepState> states(Map<String, StepRow> rows) {
		Map<String, StepState> states = new HashMap<>();
		rows.forEach((id, row) -> states.put(id, row.toState()));
		return states;
	}

	private static Map<String, Map<String, Object>> outputs(Map<String, StepRow> rows) {
		Map<String, Map<String, Object>> outputs = new HashMap<>();
		rows.forEach((id, row) -> outputs.put(id, row.output()));
		return outputs;
	}

	/**
	 * What an action receives: the workflow parameters with {@code TARGET_RESOURCE_*},
	 * overridden by the step's own resolved parameters.
	 */
	static Map<String, Object> actionParameters(ExecutionRow execution, Map<String, Object> stepParameters,
			Map<String, Map<String, Object>> outputs) {
		Map<String, Object> workflowParameters = new LinkedHashMap<>(execution.parameters());
		Map<String, Object> parameters = new LinkedHashMap<>(workflowParameters);
		parameters.putAll(ParameterReferences.resolve(stepParameters, workflowParameters, outputs));
		return parameters;
	}

	private static String firstError(Map<String, StepRow> rows) {
		return rows.values()
			.stream()
			.filter((row) -> row.phase() == StepPhase.FAILED || row.phase() == StepPhase.ROLLBACK_FAILED)
			.map((row) -> "step '" + row.stepId() + "': " + row.error())
			.findFirst()
			.orElseGet(() -> rows.values()
				.stream()
				.filter((row) -> row.phase() == StepPhase.SKIPPED && row.error() != null
						&& row.error().startsWith("the workflow timed out"))
				.map(StepRow::error)
				.findFirst()
				.orElse(null));
	}

	private static String rollbackKey(String stepId) {
		return "rollback:" + stepId;
	}

	private record Launch(UUID executionId, String stepId, UUID attemptId, String action,
			Map<String, Object> parameters, Map<String, Object> prepared, String error, boolean dryRun,
			boolean rollback, Instant startedAt) {

	}

	private record InFlight(Launch launch, Future<?> future) {

	}

}
