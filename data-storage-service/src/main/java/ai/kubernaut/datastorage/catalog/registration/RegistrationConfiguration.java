package ai.kubernaut.datastorage.catalog.registration;

import java.time.Clock;

import ai.kubernaut.support.audit.AuditTrail;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Wires registration's plain classes.
 */
@Configuration(proxyBeanMethods = false)
class RegistrationConfiguration {

	@Bean
	RegistrationStore registrationStore(JdbcClient jdbc, JsonMapper json) {
		return new RegistrationStore(jdbc, json);
	}

	@Bean
	KubernautManifestParser kubernautManifestParser() {
		return new KubernautManifestParser();
	}

	@Bean
	RegistrationBodyReader registrationBodyReader(RegistrationProperties properties, JsonMapper json) {
		return new RegistrationBodyReader(properties.maxBodySize(), json);
	}

	@Bean
	WorkflowRegistration workflowRegistration(RegistrationStore store, TransactionOperations transactions, Clock clock,
			AuditTrail audit) {
		return new WorkflowRegistration(store, transactions, clock, audit);
	}

	@Bean
	ActionTypeRegistration actionTypeRegistration(RegistrationStore store, TransactionOperations transactions,
			Clock clock, AuditTrail audit) {
		return new ActionTypeRegistration(store, transactions, clock, audit);
	}

	@Bean
	RegistrationMetrics registrationMetrics(MeterRegistry registry) {
		return new RegistrationMetrics(registry);
	}

}
