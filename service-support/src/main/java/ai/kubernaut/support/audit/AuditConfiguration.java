package ai.kubernaut.support.audit;

import java.time.Clock;

import javax.sql.DataSource;

import ai.kubernaut.contracts.audit.AuditApi;
import ai.kubernaut.support.client.ServiceClients;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The default {@link AuditTrail}: an outbox in the service's own schema and a forwarder
 * to data-storage. A service that declares its own {@link AuditTrail} (data-storage,
 * which owns the trail) gets neither.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditConfiguration {

	@Bean
	@ConditionalOnMissingBean(AuditTrail.class)
	OutboxAuditTrail outboxAuditTrail(DataSource dataSource, JsonMapper json) {
		return new OutboxAuditTrail(JdbcClient.create(dataSource), json);
	}

	@Bean
	@ConditionalOnBean(OutboxAuditTrail.class)
	AuditForwarder auditForwarder(DataSource dataSource, PlatformTransactionManager transactionManager,
			ServiceClients clients, JsonMapper json, AuditProperties properties, ObjectProvider<Clock> clock,
			MeterRegistry meters) {
		AuditApi auditApi = clients.create(AuditApi.class, "data-storage", properties.dataStorage());
		return new AuditForwarder(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager), auditApi,
				json, properties, clock.getIfAvailable(Clock::systemUTC), meters);
	}

}
