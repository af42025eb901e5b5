package ai.kubernaut.datastorage.catalog.lifecycle;

import java.time.Clock;

import ai.kubernaut.support.audit.AuditTrail;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Wires the lifecycle's plain classes.
 */
@Configuration(proxyBeanMethods = false)
class LifecycleConfiguration {

	@Bean
	WorkflowLifecycle workflowLifecycle(JdbcClient jdbc, JsonMapper json, TransactionOperations transactions,
			Clock clock, AuditTrail audit, MeterRegistry meters) {
		return new WorkflowLifecycle(new LifecycleStore(jdbc, json), transactions, clock, audit, meters);
	}

}
