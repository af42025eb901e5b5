package ai.kubernaut.engine.remediation;

import java.time.Clock;

import ai.kubernaut.contracts.catalog.WorkflowCatalogApi;
import ai.kubernaut.contracts.notification.NotificationApi;
import ai.kubernaut.dag.DagExecutor;
import ai.kubernaut.engine.action.ActionPlanner;
import ai.kubernaut.actions.ActionRegistry;
import ai.kubernaut.engine.catalog.WorkflowSelector;
import ai.kubernaut.engine.notification.RemediationNotifier;
import ai.kubernaut.engine.routing.RoutingProperties;
import ai.kubernaut.engine.routing.SignalRouter;
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
	 * The bounded pool remediations run on. A full queue refuses work (the caller gets
	 * 503) instead of growing without limit or running work on the request thread.
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
	RemediationRepository remediationRepository(JdbcClient jdbc, JsonMapper json, TransactionOperations transactions) {
		return new RemediationRepository(jdbc, json, transactions);
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
	WorkflowSelector workflowSelector(WorkflowCatalogApi catalog) {
		return new WorkflowSelector(catalog);
	}

	@Bean
	RemediationNotifier remediationNotifier(NotificationApi notifications, MeterRegistry registry) {
		return new RemediationNotifier(notifications, registry);
	}

	@Bean
	RemediationProcessor remediationProcessor(RemediationRepository repository, SignalRouter router,
			WorkflowSelector selector, ActionPlanner planner, ActionRegistry actions, ExecutionProperties execution,
			RemediationNotifier notifier, RemediationMetrics metrics, Clock clock) {
		return new RemediationProcessor(repository, router, selector, planner, actions,
				new DagExecutor(execution.stepParallelism()), notifier, metrics, clock);
	}

	@Bean
	RemediationIntake remediationIntake(RemediationRepository repository, RemediationProcessor processor,
			ThreadPoolTaskExecutor remediationWorkers, RemediationMetrics metrics, IdGenerator ids, Clock clock,
			ExecutionProperties execution) {
		return new RemediationIntake(repository, processor, remediationWorkers, metrics, ids, clock,
				execution.retryAfter());
	}

}
