package ai.kubernaut.engine.remediation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import ai.kubernaut.contracts.remediation.CreateRemediationRequest;
import ai.kubernaut.contracts.remediation.RemediationView;

import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.util.IdGenerator;

/**
 * Accepts remediations: stores each as {@code PENDING} (with its audit event) first, then
 * queues it for a worker. When the queue is full the stored row is removed again and the
 * caller is told to retry, so a refused request leaves nothing behind. A remediation lost
 * from the queue by a restart is picked up by {@link RemediationSweeper}.
 */
class RemediationIntake {

	private final RemediationRepository repository;

	private final RemediationOrchestrator orchestrator;

	private final RemediationAudit audit;

	private final TransactionOperations transactions;

	private final TaskExecutor workers;

	private final RemediationMetrics metrics;

	private final IdGenerator ids;

	private final Clock clock;

	private final Duration retryAfter;

	RemediationIntake(RemediationRepository repository, RemediationOrchestrator orchestrator, RemediationAudit audit,
			TransactionOperations transactions, TaskExecutor workers, RemediationMetrics metrics, IdGenerator ids,
			Clock clock, Duration retryAfter) {
		this.repository = repository;
		this.orchestrator = orchestrator;
		this.audit = audit;
		this.transactions = transactions;
		this.workers = workers;
		this.metrics = metrics;
		this.ids = ids;
		this.clock = clock;
		this.retryAfter = retryAfter;
	}

	/**
	 * @return the stored remediation, {@code PENDING}
	 * @throws EngineBusyException if no worker can take it
	 */
	RemediationView accept(CreateRemediationRequest request) {
		Remediation remediation = Remediation.received(this.ids.generateId(), request, this.clock.instant());
		this.transactions.executeWithoutResult((tx) -> {
			this.repository.insert(remediation);
			this.audit.created(remediation);
		});
		try {
			this.workers.execute(() -> this.orchestrator.process(remediation.id()));
		}
		catch (TaskRejectedException ex) {
			this.transactions.executeWithoutResult((tx) -> this.repository.delete(remediation.id()));
			this.metrics.rejected("engine-busy");
			throw new EngineBusyException(this.retryAfter);
		}
		return remediation.toView(List.of());
	}

}
