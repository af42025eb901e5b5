package ai.kubernaut.engine.remediation;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import ai.kubernaut.contracts.catalog.WorkflowDefinition;
import ai.kubernaut.contracts.remediation.RemediationPhase;
import ai.kubernaut.dag.Dag;
import ai.kubernaut.dag.DagExecutor;
import ai.kubernaut.dag.DagRun;
import ai.kubernaut.dag.DagValidationException;
import ai.kubernaut.dag.StepStatus;
import ai.kubernaut.engine.action.ActionPlanner;
import ai.kubernaut.actions.ActionRegistry;
import ai.kubernaut.engine.action.UnsupportedActionTypeException;
import ai.kubernaut.engine.catalog.WorkflowQuery;
import ai.kubernaut.engine.catalog.WorkflowSelector;
import ai.kubernaut.engine.notification.RemediationNotifier;
import ai.kubernaut.engine.routing.Route;
import ai.kubernaut.engine.routing.SignalRouter;
import ai.kubernaut.support.problem.RemoteServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.web.client.RestClientException;

/**
 * Takes one accepted remediation from {@code PENDING} to {@code COMPLETED} or
 * {@code FAILED}: route the signal to an action type, choose a catalog workflow, plan its
 * steps, run them, and announce the outcome.
 * <p>
 * Every phase change is written before the engine acts on it, and each write is
 * conditional on the version read, so a remediation claimed by another engine instance is
 * left alone. A remediation that is not {@code PENDING} when picked up is ignored:
 * processing is safe to trigger more than once.
 */
class RemediationProcessor {

	private static final Logger log = LoggerFactory.getLogger(RemediationProcessor.class);

	private final RemediationRepository repository;

	private final SignalRouter router;

	private final WorkflowSelector selector;

	private final ActionPlanner planner;

	private final ActionRegistry actions;

	private final DagExecutor executor;

	private final RemediationNotifier notifier;

	private final RemediationMetrics metrics;

	private final Clock clock;

	RemediationProcessor(RemediationRepository repository, SignalRouter router, WorkflowSelector selector,
			ActionPlanner planner, ActionRegistry actions, DagExecutor executor, RemediationNotifier notifier,
			RemediationMetrics metrics, Clock clock) {
		this.repository = repository;
		this.router = router;
		this.selector = selector;
		this.planner = planner;
		this.actions = actions;
		this.executor = executor;
		this.notifier = notifier;
		this.metrics = metrics;
		this.clock = clock;
	}

	void process(UUID remediationId) {
		try (MDC.MDCCloseable ignored = MDC.putCloseable("remediationId", remediationId.toString())) {
			Remediation finished;
			try {
				Optional<Remediation> pending = this.repository.find(remediationId)
					.filter((remediation) -> remediation.phase() == RemediationPhase.PENDING);
				if (pending.isEmpty()) {
					log.debug("Remediation {} is gone or no longer pending; nothing to do", remediationId);
					return;
				}
				finished = run(pending.get());
			}
			catch (ConcurrentRemediationUpdateException ex) {
				log.info("Remediation {} was taken over by another worker", remediationId);
				return;
			}
			catch (RuntimeException ex) {
				log.error("Remediation {} could not be processed", remediationId, ex);
				finished = failAfterError(remediationId, ex);
				if (finished == null) {
					return;
				}
			}
			announce(finished);
		}
	}

	private Remediation run(Remediation remediation) {
		Optional<Route> route = this.router.route(remediation.signal());
		if (route.isEmpty()) {
			return fail(remediation, "no route for alert " + remediation.signal().name());
		}
		Remediation routed = remediation.routedTo(route.get().actionType());
		WorkflowQuery query = WorkflowQuery.of(routed.actionType(), routed.signal(), routed.target());
		Optional<WorkflowDefinition> workflow;
		try {
			workflow = this.selector.select(query);
		}
		catch (RemoteServiceException | RestClientException ex) {
			return fail(routed, "the workflow catalog could not be queried: " + ex.getMessage());
		}
		if (workflow.isEmpty()) {
			return fail(routed, "no workflow for " + routed.actionType() + " matching " + query.describe());
		}
		Dag dag;
		try {
			dag = this.planner.plan(routed.actionType(), workflow.get(), route.get().parameters(), routed.target());
		}
		catch (UnsupportedActionTypeException | DagValidationException ex) {
			return fail(routed, "workflow " + workflow.get().workflowName() + " cannot run: " + ex.getMessage());
		}
		Remediation executing = this.repository.startExecution(routed.executing(workflow.get(), this.clock.instant()),
				dag.topologicalOrder());
		log.info("Remediation {} runs workflow {} on {}", executing.id(), executing.workflowName(), executing.target());
		DagRun run = this.executor.execute(dag, this.actions.runnerFor(executing.id()), (event) -> {
			this.repository.recordStep(executing.id(), event, this.clock.instant());
			this.metrics.step(event);
		});
		if (run.isSucceeded()) {
			return this.repository.update(executing.completed(this.clock.instant()));
		}
		return fail(executing, describeFailure(run));
	}

	private Remediation fail(Remediation remediation, String reason) {
		log.warn("Remediation {} failed: {}", remediation.id(), reason);
		return this.repository.update(remediation.failed(reason, this.clock.instant()));
	}

	/**
	 * Records an unexpected error as the failure reason, unless the remediation already
	 * ended or the database is what failed; then it stays as it is for recovery to find.
	 */
	private Remediation failAfterError(UUID remediationId, RuntimeException error) {
		try {
			return this.repository.find(remediationId)
				.filter((remediation) -> !remediation.phase().isTerminal())
				.map((remediation) -> fail(remediation, "internal error: " + error.getMessage()))
				.orElse(null);
		}
		catch (RuntimeException ex) {
			log.error("Could not record the failure of remediation {}", remediationId, ex);
			return null;
		}
	}

	private void announce(Remediation finished) {
		this.metrics.finished(finished.phase(), Duration.between(finished.createdAt(), finished.completedAt()));
		try {
			this.repository.findView(finished.id()).ifPresent(this.notifier::announce);
		}
		catch (RuntimeException ex) {
			log.error("Could not announce remediation {}", finished.id(), ex);
		}
	}

	private static String describeFailure(DagRun run) {
		return run.stepsWith(StepStatus.FAILED)
			.stream()
			.findFirst()
			.map((stepId) -> "step " + stepId + " failed: " + run.message(stepId))
			.orElse("the workflow failed");
	}

}
