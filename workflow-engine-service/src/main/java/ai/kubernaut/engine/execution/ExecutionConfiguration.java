package ai.kubernaut.engine.execution;

import java.time.Clock;
import java.util.UUID;

import ai.kubernaut.contracts.approval.ApprovalApi;
import ai.kubernaut.dag.workflow.ConditionCompiler;
import ai.kubernaut.actions.ActionRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import ai.kubernaut.contracts.catalog.WorkflowCatalogApi;
import ai.kubernaut.engine.catalog.CatalogWorkflows;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.util.IdGenerator;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExecutionProperties.class)
class ExecutionConfiguration {

	@Bean
	ExecutionRepository executionRepository(JdbcClient jdbc, JsonMapper json) {
		return new ExecutionRepository(jdbc, json);
	}

	@Bean
	ExecutionMetrics executionMetrics(MeterRegistry registry) {
		return new ExecutionMetrics(registry);
	}

	@Bean
	ConditionCompiler conditionCompiler() {
		return new CelConditions();
	}

	@Bean
	LoadedWorkflows loadedWorkflows(ConditionCompiler conditions) {
		return new LoadedWorkflows(new ai.kubernaut.dag.workflow.WorkflowValidator(
				ai.kubernaut.dag.workflow.ActionCatalog.any(), conditions));
	}

	@Bean
	ApprovalRequests approvalRequests(ApprovalApi approvals, ExecutionProperties properties, ExecutionMetrics metrics,
			ExecutionRepository repository) {
		return new ApprovalRequests(approvals, properties.callbackBaseUrl(), metrics, repository);
	}

	@Bean
	ExecutionListeners executionListeners(ObjectProvider<ExecutionListener> listeners) {
		return new ExecutionListeners(listeners);
	}

	@Bean
	CatalogWorkflows catalogWorkflows(WorkflowCatalogApi catalog) {
		return new CatalogWorkflows(catalog);
	}

	@Bean
	WorkerFactory workerFactory(ExecutionRepository repository, TransactionOperations transactions,
			LoadedWorkflows workflows, ActionRegistry actions, ExecutionMetrics metrics, Clock clock,
			ApprovalRequests approvals, ExecutionListeners listeners) {
		return new WorkerFactory(repository, transactions, workflows, actions, metrics, clock, approvals, listeners);
	}

	@Bean
	ExecutionWorker executionWorker(WorkerFactory workers, ExecutionProperties properties) {
		return workers.create("engine-" + UUID.randomUUID(), properties);
	}

	@Bean
	WorkflowExecutions workflowExecutions(ExecutionRepository repository, TransactionOperations transactions,
			ActionRegistry actions, ConditionCompiler conditions, LoadedWorkflows workflows, ExecutionWorker worker,
			IdGenerator ids, Clock clock, CatalogWorkflows catalog, ExecutionListeners listeners,
			ApprovalRequests approvals) {
		return new WorkflowExecutions(repository, transactions, actions, conditions, workflows, worker, ids, clock,
				catalog, listeners, approvals);
	}

}
