package ai.kubernaut.engine.execution;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import ai.kubernaut.contracts.approval.ApprovalCallback;
import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.dag.DagError;
import ai.kubernaut.dag.DagValidationException;
import ai.kubernaut.engine.catalog.CatalogRun;
import ai.kubernaut.engine.catalog.CatalogWorkflows;
import ai.kubernaut.engine.catalog.UnsupportedEngineException;
import ai.kubernaut.dag.workflow.ActionCatalog;
import ai.kubernaut.dag.workflow.ConditionCompiler;
import ai.kubernaut.dag.workflow.GraphText;
import ai.kubernaut.dag.workflow.StepPhase;
import ai.kubernaut.dag.workflow.Workflow;
import ai.kubernaut.dag.workflow.WorkflowStep;
import ai.kubernaut.dag.workflow.WorkflowValidator;
import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.ActionRegistry;

import org.springframework.transaction.support.TransactionOperations;
import org.springframework.util.IdGenerator;

/**
 * Submits workflow executions and applies operators' commands to them. Each command is
 * one transaction that checks the phase table first; the worker then acts on the new
 * state.
 */
public class WorkflowExecutions {

	private static final Set<String> INJECTED = Set.of("TARGET_RESOURCE", "TARGET_RESOURCE_KIND",
			"TARGET_RESOURCE_NAMESPACE", "TARGET_RESOURCE_NAME");

	private final ExecutionRepository repository;

	private final TransactionOperations transactions;

	private final ActionRegistry actions;

	private final ConditionCompiler conditions;

	private final LoadedWorkflows workflows;

	private final ExecutionWorker worker;

	private final IdGenerator ids;

	private final Clock clock;

	private final CatalogWorkflows catalog;

	private final ExecutionListeners listeners;

	private final ApprovalRequests approvals;

	WorkflowExecutions(ExecutionRepository repository, TransactionOperations transactions, ActionRegistry actions,
			ConditionCompiler conditions, LoadedWorkflows workflows, ExecutionWorker worker, IdGenerator ids,
			Clock clock, CatalogWorkflows catalog, ExecutionListeners listeners, ApprovalRequests approvals) {
		this.approvals = approvals;
		this.catalog = catalog;
		this.listeners = listeners;
		this.repository = repository;
		this.transactions = transactions;
		this.actions = actions;
		this.conditions = conditions;
		this.workflows = workflows;
		this.worker = worker;
		this.ids = ids;
		this.clock = clock;
	}

	/**
	 * Validates and stores the execution, then lets a worker start it.
	 * @throws InvalidWorkflowException listing every problem of the definition
	 * @throws ai.kubernaut.engine.catalog.CatalogWorkflowNotFoundException for an unknown
	 * {@code workflowId}
	 */
	public WorkflowExecutionView submit(CreateWorkflowExecutionRequest request) {
		if (request.workflowId() != null && !request.workflowId().isBlank()) {
			CatalogRun run = loadCatalogRun(request);
			Map<String, Object> parameters = new LinkedHashMap<>(run.defaults());
			parameters.putAll(request.parameters());
			return view(start(new ExecutionOrigin(run.workflowId(), null, run.actionType()), run.definition(),
					parameters, request.target(), request.dryRun()));
		}
		return view(start(ExecutionOrigin.NONE, request.definition(), request.parameters(), request.target(),
				request.dryRun()));
	}

	private CatalogRun loadCatalogRun(CreateWorkflowExecutionRequest request) {
		try {
			return this.catalog.load(request.workflowId());
		}
		catch (UnsupportedEngineException | IllegalArgumentException ex) {
			throw new InvalidWorkflowException(List.of(new DagError(DagError.Kind.INVALID_FIELD, null,
					"workflowId " + request.workflowId() + ": " + ex.getMessage())));
		}
	}

	/**
	 * Validates and stores an execution, in the caller's transaction when there is one,
	 * and lets a worker start it once committed.
	 * @param origin the catalog workflow it runs and the remediation it serves, if any
	 * @return the execution's id
	 * @throws InvalidWorkflowException listing every problem of the definition
	 */
	public UUID start(ExecutionOrigin origin, Map<String, Object> definition, Map<String, Object> given,
			ResourceRef target, boolean dryRun) {
		Map<String, Object> parameters = new LinkedHashMap<>(given);
		parameters.putAll(targetParameters(target));
		Workflow workflow = validate(definition, parameters);
		UUID id = this.ids.generateId();
		Instant now = this.clock.instant();
		ExecutionRow execution = new ExecutionRow(id, workflow.definition().name(), ExecutionPhase.Pending, definition,
				parameters, target(target), dryRun, null, now, now, null, now, null);
		List<StepRow> steps = new ArrayList<>();
		for (WorkflowStep step : workflow.steps()) {
			steps.add(new StepRow(step.id(), workflow.number(step.id()), step.action(), StepPhase.PENDING, 0, null,
					null, false, null, null, null, Map.of(), null));
		}
		this.transactions.executeWithoutResult((tx) -> {
			this.repository.insert(execution, steps);
			if (!ExecutionOrigin.NONE.equals(origin)) {
				this.repository.origin(id, origin);
			}
			this.repository.event(id, null, ExecutionPhase.Pending.name(), null, now);
		});
		// When called inside a caller's transaction the row may not be visible yet; the
		// poller then claims it within one poll interval.
		this.worker.nudge(id);
		return id;
	}

	public WorkflowExecutionView view(UUID id) {
		ExecutionRow execution = this.repository.find(id).orElseThrow(() -> new ExecutionNotFoundException(id));
		return view(execution, this.repository.steps(id));
	}

	public String graph(UUID id) {
		ExecutionRow execution = this.repository.find(id).orElseThrow(() -> new ExecutionNotFoundException(id));
		return graph(execution, this.repository.steps(id));
	}

	public List<ExecutionEvent> events(UUID id, long afterId) {
		this.repository.find(id).orElseThrow(() -> new ExecutionNotFoundException(id));
		return this.repository.events(id, afterId);
	}

	/**
	 * No new step starts until {@link #resume}; running steps finish and are recorded.
	 */
	public WorkflowExecutionView pause(UUID id) {
		return command(id, "pause",
				Set.of(ExecutionPhase.Pending, ExecutionPhase.Running, ExecutionPhase.WaitingForApproval),
				(execution) -> {
					move(execution, ExecutionPhase.Paused, null, null);
					return false;
				});
	}

	public WorkflowExecutionView resume(UUID id) {
		return command(id, "resume", Set.of(ExecutionPhase.Paused), (execution) -> {
			move(execution, ExecutionPhase.Running, null, this.clock.instant());
			return true;
		});
	}

	/**
	 * Stops the run: pending, waiting and running steps become cancelled; a running
	 * step's late result is dropped.
	 */
	public WorkflowExecutionView cancel(UUID id) {
		return cancel(id, "cancelled by an operator");
	}

	/**
	 * Like {@link #cancel(UUID)}, recording {@code reason}.
	 */
	public WorkflowExecutionView cancel(UUID id, String reason) {
		List<UUID> waiting = new ArrayList<>();
		WorkflowExecutionView view = command(id, "cancel", Set.of(ExecutionPhase.Pending, ExecutionPhase.Running,
				ExecutionPhase.Paused, ExecutionPhase.WaitingForApproval), (execution) -> {
					waiting.addAll(this.repository.pendingApprovals(execution.id()));
					cancelSteps(execution.id(), reason);
					move(execution, ExecutionPhase.Cancelled, reason, null);
					return false;
				});
		this.approvals.withdraw(waiting, reason);
		return view;
	}

	/**
	 * Starts a failed or timed-out run again from its failed steps: failed, skipped and
	 * cancelled steps go back to pending; completed ones stay completed. The workflow
	 * timeout counts from now.
	 */
	public WorkflowExecutionView retry(UUID id) {
		return command(id, "retry", Set.of(ExecutionPhase.Failed, ExecutionPhase.TimedOut), (execution) -> {
			Instant now = this.clock.instant();
			for (StepRow row : this.repository.steps(id)) {
				if (row.phase() == StepPhase.FAILED || row.phase() == StepPhase.SKIPPED
						|| row.phase() == StepPhase.CANCELLED) {
					this.repository.updateStep(id, new StepRow(row.stepId(), row.position(), row.action(),
							StepPhase.PENDING, 0, null, null, row.approved(), null, null, null, Map.of(), null));
				}
			}
			this.repository.restart(id, now);
			this.repository.event(id, null, ExecutionPhase.Running.name(), "retried", now);
			return true;
		});
	}

	/**
	 * Applies an approval decision to the execution's waiting steps: approved steps run,
	 * a rejection cancels the run, an expiry fails it with {@code ApprovalExpired}.
	 * Repeating a decision changes nothing.
	 */
	public WorkflowExecutionView decide(UUID id, ApprovalCallback callback) {
		ExecutionRow current = this.repository.find(id).orElseThrow(() -> new ExecutionNotFoundException(id));
		if (current.phase().isTerminal() || callback.state() == null || !callback.state().isFinal()) {
			return view(id);
		}
		return command(id, "decide approval for", Set.of(ExecutionPhase.values()), (execution) -> {
			Instant now = this.clock.instant();
			Set<String> named = (callback.steps() != null && !callback.steps().isEmpty()) ? Set.copyOf(callback.steps())
					: null;
			switch (callback.state()) {
				case APPROVED -> {
					for (StepRow row : this.repository.steps(id)) {
						if (row.phase() == StepPhase.WAITING_APPROVAL
								&& (named == null || named.contains(row.stepId()))) {
							this.repository.updateStep(id,
									new StepRow(row.stepId(), row.position(), row.action(), StepPhase.PENDING,
											row.attempts(), null, null, true, row.startedAt(), row.finishedAt(), null,
											row.output(), null));
							this.repository.event(id, row.stepId(), "approved", "by " + callback.decidedBy(), now);
						}
					}
					if (execution.phase() == ExecutionPhase.WaitingForApproval) {
						move(execution, ExecutionPhase.Running, null, now);
					}
					else {
						this.repository.markDue(id, now);
					}
					return true;
				}
				case REJECTED, SUPERSEDED -> {
					String reason = "approval " + callback.state().name().toLowerCase() + " by " + callback.decidedBy();
					cancelSteps(id, reason);
					move(execution, ExecutionPhase.Cancelled, reason, null);
					return false;
				}
				case EXPIRED -> {
					cancelSteps(id, "ApprovalExpired");
					move(execution, ExecutionPhase.Failed, "ApprovalExpired", null);
					return false;
				}
				default -> {
					return false;
				}
			}
		});
	}

	private WorkflowExecutionView command(UUID id, String operation, Set<ExecutionPhase> allowed,
			Function<ExecutionRow, Boolean> change) {
		ExecutionPhase[] before = new ExecutionPhase[1];
		Boolean nudge = this.transactions.execute((tx) -> {
			ExecutionRow execution = this.repository.lock(id).orElseThrow(() -> new ExecutionNotFoundException(id));
			if (!allowed.contains(execution.phase())) {
				throw new ExecutionConflictException(id, execution.phase(), operation);
			}
			before[0] = execution.phase();
			return change.apply(execution);
		});
		if (Boolean.TRUE.equals(nudge)) {
			this.worker.nudge(id);
		}
		WorkflowExecutionView view = view(id);
		if (view.phase() != before[0]) {
			this.listeners.phaseChanged(id, view.phase());
		}
		return view;
	}

	private void move(ExecutionRow execution, ExecutionPhase next, String reason, Instant dueAt) {
		if (!execution.phase().canMoveTo(next)) {
			throw new ExecutionConflictException(execution.id(), execution.phase(), "move to " + next + " from");
		}
		Instant now = this.clock.instant();
		this.repository.updateExecution(execution.id(), next, reason, dueAt, now);
		this.repository.event(execution.id(), null, next.name(), reason, now);
	}

	private void cancelSteps(UUID id, String reason) {
		Instant now = this.clock.instant();
		for (StepRow row : this.repository.steps(id)) {
			if (!row.phase().isTerminal()) {
				this.repository.updateStep(id,
						new StepRow(row.stepId(), row.position(), row.action(), StepPhase.CANCELLED, row.attempts(),
								row.attemptId(), row.prepared(), row.approved(), row.startedAt(), now, null,
								row.output(), reason));
				this.repository.event(id, row.stepId(), "cancelled", reason, now);
			}
		}
	}

	private Workflow validate(Map<String, Object> definition, Map<String, Object> parameters) {
		Set<String> given = parameters.keySet();
		Map<String, List<String>> required = new LinkedHashMap<>();
		for (String name : this.actions.names()) {
			required.put(name,
					this.actions.find(name)
						.orElseThrow()
						.parameters()
						.stream()
						.filter(ActionParameter::required)
						.map(ActionParameter::name)
						.filter((parameter) -> !INJECTED.contains(parameter) && !given.contains(parameter))
						.toList());
		}
		Workflow workflow;
		try {
			workflow = new WorkflowValidator(ActionCatalog.of(required), this.conditions).read(definition);
		}
		catch (DagValidationException ex) {
			throw new InvalidWorkflowException(ex.errors());
		}
		List<DagError> invalid = invalidParameters(workflow, parameters);
		if (!invalid.isEmpty()) {
			throw new InvalidWorkflowException(invalid);
		}
		return workflow;
	}

	/**
	 * Each action's own checks of the literal values its steps give it (the workflow's
	 * parameters, then the step's), so a bad value is refused now rather than found by
	 * the step half-way through the run.
	 */
	private List<DagError> invalidParameters(Workflow workflow, Map<String, Object> parameters) {
		List<DagError> errors = new ArrayList<>();
		for (WorkflowStep step : workflow.steps()) {
			Map<String, Object> merged = new LinkedHashMap<>(parameters);
			merged.putAll(step.parameters());
			this.actions.find(step.action())
				.ifPresent((action) -> action.validate(merged)
					.forEach((message) -> errors.add(new DagError(DagError.Kind.INVALID_FIELD, step.id(),
							"Step '" + step.id() + "' (" + step.action() + "): " + message))));
		}
		return errors;
	}

	private WorkflowExecutionView view(ExecutionRow execution, List<StepRow> rows) {
		Workflow workflow = this.workflows.of(execution);
		List<WorkflowExecutionView.Step> steps = new ArrayList<>();
		for (StepRow row : rows) {
			WorkflowStep step = workflow.step(row.stepId());
			steps.add(new WorkflowExecutionView.Step(row.stepId(), step.name(), row.action(), row.phase().text(),
					step.dependsOn(), step.requiresApproval(), row.attempts(), row.startedAt(), row.finishedAt(),
					row.output(), row.error()));
		}
		int done = (int) rows.stream().filter((row) -> row.phase().isTerminal()).count();
		int total = rows.size();
		List<String> running = rows.stream()
			.filter((row) -> row.phase() == StepPhase.RUNNING)
			.map(StepRow::stepId)
			.toList();
		if (execution.phase().isTerminal()) {
			this.workflows.forget(execution.id());
		}
		return new WorkflowExecutionView(execution.id(), this.repository.workflowId(execution.id()), execution.name(),
				execution.phase(), execution.reason(), execution.dryRun(), (total == 0) ? 100 : done * 100 / total,
				done, total, running, execution.createdAt(), execution.startedAt(), execution.completedAt(), steps,
				graph(execution, rows));
	}

	private String graph(ExecutionRow execution, List<StepRow> rows) {
		return GraphText.render(this.workflows.of(execution),
				rows.stream().collect(Collectors.toMap(StepRow::stepId, (row) -> row.phase().text())));
	}

	static Map<String, Object> targetParameters(ResourceRef target) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("TARGET_RESOURCE_KIND", target.kind());
		parameters.put("TARGET_RESOURCE_NAME", target.name());
		boolean namespaced = target.namespace() != null && !target.namespace().isBlank();
		if (namespaced) {
			parameters.put("TARGET_RESOURCE_NAMESPACE", target.namespace());
		}
		parameters.put("TARGET_RESOURCE",
				(namespaced ? target.namespace() + "/" : "") + target.kind() + "/" + target.name());
		return parameters;
	}

	private static Map<String, Object> target(ResourceRef target) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("kind", target.kind());
		map.put("namespace", (target.namespace() != null) ? target.namespace() : "");
		map.put("name", target.name());
		return map;
	}

}
