package ai.kubernaut.engine.remediation;

import java.security.SecureRandom;
import java.time.Clock;

import ai.kubernaut.contracts.catalog.WorkflowCatalogApi;
import ai.kubernaut.contracts.notification.NotificationApi;
import ai.kubernaut.engine.catalog.WorkflowSelector;
import ai.kubernaut.engine.execution.ExecutionMetrics;
import ai.kubernaut.engine.execution.WorkflowExecutions;
import ai.kubernaut.engine.notification.RemediationNotifier;
import ai.kubernaut.engine.routing.RoutingProperties;
import ai.kubernaut.engine.routing.SignalRouter;
import ai.kubernaut.support.audit.AuditTrail;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.util.IdGenerator;

@Configuration(proxyBeanMethods = false)
class RemediationConfiguration {

	/**
	 * The bounded pool remediations are admitted on. A full queue refuses work (the
	 * caller gets 503) instead of growing without limit or running work on the request
	 * thread.
	 */
	@Bean
	ThreadPoolTaskExecutor remediationWorkers(ExecutionProperties execution) {
		ThreadPoolTaskExecutor workers = new ThreadPoolTaskExecutor();
		workers.setThreadNamePrefix("remediation-");
		workers.setCorePoolSize(execution.workers());
		workers.setMaxPoolSize(execution.workers());
		workers.setQueueCapacity(execution.queueCapacity());
		workers.setWaitForTasksToCompleteOnShutdown(true);
		workers.setAwaitTerminationMillis(execution.shutdownGrace().toMillis());
		return workers;
	}

	@Bean
	RemediationRepository remediationRepository(JdbcClient jdbc, JsonMapper json) {
		return new RemediationRepository(jdbc, json);
	}

	@Bean
	RemediationMetrics remediationMetrics(MeterRegistry registry) {
		return new RemediationMetrics(registry);
	}

	@Bean
	SignalRouter signalRouter(RoutingProperties routing) {
		return new SignalRouter(routing.rules());
	}

	@Bean
	WorkflowSelector workflowSelector(WorkflowCatalogApi catalog, JsonMapper json) {
		return new WorkflowSelector(catalog, json);
	}

	@Bean
	RemediationNotifier remediationNotifier(NotificationApi notifications, MeterRegistry registry) {
		return new RemediationNotifier(notifications, registry);
	}

	@Bean
	RemediationAudit remediationAudit(AuditTrail trail, Clock clock) {
		return new RemediationAudit(trail, clock);
	}

	@Bean
	RemediationOrchestrator remediationOrchestrator(RemediationRepository repository,
			TransactionOperations transactions, SignalRouter router, WorkflowSelector selector,
			WorkflowExecutions executions, SafetyProperties safety, ApprovalProperties approval, RemediationAudit audit,
			RemediationNotifier notifier, RemediationMetrics metrics, ExecutionMetrics executionMetrics, Clock clock) {
		SecureRandom random = new SecureRandom();
		return new RemediationOrchestrator(repository, transactions, router, selector, executions,
				new SafetyRules(safety, random::nextDouble), new ApprovalPolicy(approval), audit, notifier, metrics,
				executionMetrics, clock);
	}

	@Bean
	RemediationIntake remediationIntake(RemediationRepository repository, RemediationOrchestrator orchestrator,
			RemediationAudit audit, TransactionOperations transactions, ThreadPoolTaskExecutor remediationWorkers,
			RemediationMetrics metrics, IdGenerator ids, Clock clock, ExecutionProperties execution) {
		return new RemediationIntake(repository, orchestrator, audit, transactions, remediationWorkers, metrics, ids,
				clock, execution.retryAfter());
	}

	@Bean
	RemediationSweeper remediationSweeper(RemediationRepository repository, RemediationOrchestrator orchestrator,
			Clock clock, ExecutionProperties execution) {
		return new RemediationSweeper(repository, orchestrator, clock, execution.sweepInterval(),
				execution.pendingGrace());
	}

}
