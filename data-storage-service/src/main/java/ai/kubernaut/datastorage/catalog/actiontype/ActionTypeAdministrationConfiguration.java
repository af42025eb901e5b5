package ai.kubernaut.datastorage.catalog.actiontype;

import java.time.Clock;

import ai.kubernaut.support.audit.AuditTrail;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Wires action type administration.
 */
@Configuration(proxyBeanMethods = false)
class ActionTypeAdministrationConfiguration {

	@Bean
	ActionTypeAdministration actionTypeAdministration(JdbcClient jdbc, JsonMapper json,
			TransactionOperations transactions, Clock clock, AuditTrail audit) {
		return new ActionTypeAdministration(new ActionTypeStore(jdbc, json), transactions, clock, audit);
	}

}
