package ai.kubernaut.datastorage.audit;

import java.time.Clock;

import ai.kubernaut.support.audit.AuditTrail;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires the audit trail. Declaring {@link AuditTrail} here makes service-support's
 * outbox-and-forwarder default back off.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	@Bean
	AuditStore auditStore(JdbcClient jdbc, JsonMapper json) {
		return new AuditStore(jdbc, json);
	}

	@Bean
	AuditTrail auditTrail(AuditStore store, Clock clock) {
		return new DataStorageAuditTrail(store, clock);
	}

	@Bean
	AuditMetrics auditMetrics(MeterRegistry registry) {
		return new AuditMetrics(registry);
	}

}
