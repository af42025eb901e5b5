package ai.kubernaut.engine.execution;

import java.time.Clock;

import ai.kubernaut.actions.ActionRegistry;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Builds execution workers sharing one database, e.g. a second replica inside one JVM for
 * take-over and active-active tests and benchmarks.
 */
public class WorkerFactory {

	private final ExecutionRepository repository;

	private final TransactionOperations transactions;

	private final LoadedWorkflows workflows;

	private final ActionRegistry actions;

	private final ExecutionMetrics metrics;

	private final Clock clock;

	private final ApprovalRequests approvals;

	private final ExecutionListeners listeners;

	WorkerFactory(ExecutionRepository repository, TransactionOperations transactions, LoadedWorkflows workflows,
			ActionRegistry actions, ExecutionMetrics metrics, Clock clock, ApprovalRequests approvals,
			ExecutionListeners listeners) {
		this.approvals = approvals;
		this.listeners = listeners;
		this.repository = repository;
		this.transactions = transactions;
		this.workflows = workflows;
		this.actions = actions;
		this.metrics = metrics;
		this.clock = clock;
	}

	public ExecutionWorker create(String owner, ExecutionProperties properties) {
		return new ExecutionWorker(owner, this.repository, this.transactions, this.workflows, this.actions,
				this.metrics, this.clock, properties, this.approvals, this.listeners);
	}

}
