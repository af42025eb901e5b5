package ai.kubernaut.gateway.intake;

import java.time.Clock;

import ai.kubernaut.contracts.remediation.RemediationApi;
import ai.kubernaut.gateway.classify.ClassificationProperties;
import ai.kubernaut.gateway.classify.LabelDetector;
import ai.kubernaut.gateway.classify.SignalClassifier;
import ai.kubernaut.gateway.classify.SignalEnricher;
import ai.kubernaut.gateway.cluster.ClusterReader;
import ai.kubernaut.gateway.owner.TargetResolver;
import ai.kubernaut.gateway.routing.SignalRouter;
import ai.kubernaut.support.audit.AuditTrail;
import ai.kubernaut.support.client.ServiceClients;
import ai.kubernaut.support.web.RequestSizeProperties;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.HandlerExceptionResolver;

@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

	static final String SIGNAL_PATHS = "/api/v1/signals/*";

	@Bean
	RemediationApi remediationApi(ServiceClients clients, ClientsProperties properties) {
		return clients.create(RemediationApi.class, "workflow-engine", properties.workflowEngine());
	}

	@Bean
	TargetResolver targetResolver(ClusterReader clusterReader) {
		return new TargetResolver(clusterReader);
	}

	@Bean
	SignalClassifier signalClassifier(ClassificationProperties properties) {
		return new SignalClassifier(properties);
	}

	@Bean
	SignalEnricher signalEnricher(SignalClassifier signalClassifier, ClusterReader clusterReader,
			ClassificationProperties properties) {
		return new SignalEnricher(signalClassifier, new LabelDetector(clusterReader), properties);
	}

	@Bean
	SignalMetrics signalMetrics(MeterRegistry meterRegistry) {
		return new SignalMetrics(meterRegistry);
	}

	@Bean
	DedupLedger dedupLedger(RemediationApi remediationApi, JdbcClient jdbcClient,
			PlatformTransactionManager transactionManager, IntakeProperties properties, Clock clock) {
		return new DedupLedger(jdbcClient, new TransactionTemplate(transactionManager), remediationApi,
				properties.phaseCheckInterval(), clock);
	}

	@Bean
	SignalLog signalLog(JdbcClient jdbcClient, JsonMapper jsonMapper, IntakeProperties properties) {
		return new SignalLog(jdbcClient, jsonMapper, properties.writeBehindQueue());
	}

	@Bean
	SignalIntake signalIntake(TargetResolver targetResolver, SignalEnricher signalEnricher, SignalRouter signalRouter,
			RemediationApi remediationApi, DedupLedger dedupLedger, SignalLog signalLog, AuditTrail auditTrail,
			SignalMetrics signalMetrics, IntakeProperties properties, Clock clock) {
		return new SignalIntake(targetResolver, signalEnricher, signalRouter, remediationApi, dedupLedger, signalLog,
				new IntakeAudit(auditTrail, clock), signalMetrics, clock, properties.cancelRetryInterval());
	}

	@Bean
	IntakeWriter intakeWriter(SignalLog signalLog, DedupLedger dedupLedger, AuditTrail auditTrail,
			NamedParameterJdbcTemplate namedParameterJdbcTemplate, PlatformTransactionManager transactionManager,
			IntakeProperties properties, Clock clock) {
		return new IntakeWriter(signalLog, dedupLedger, new IntakeAudit(auditTrail, clock), namedParameterJdbcTemplate,
				new TransactionTemplate(transactionManager), properties.writeBehindInterval());
	}

	@Bean
	CancellationRetrier cancellationRetrier(RemediationApi remediationApi, DedupLedger dedupLedger,
			AuditTrail auditTrail, SignalMetrics signalMetrics, IntakeProperties properties, Clock clock) {
		return new CancellationRetrier(dedupLedger, new RemediationCanceller(remediationApi),
				new IntakeAudit(auditTrail, clock), signalMetrics, properties.cancelRetryInterval(),
				properties.cancelRetryMaxBackoff(), properties.cancelRetryFor());
	}

	@Bean
	SignalFreshness signalFreshness(IntakeProperties properties, Clock clock) {
		return new SignalFreshness(properties.maxSignalAge(), properties.maxClockSkew(), clock);
	}

	@Bean
	FilterRegistrationBean<IntakeLimitFilter> intakeLimitFilter(IntakeProperties properties,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver handlerExceptionResolver) {
		FilterRegistrationBean<IntakeLimitFilter> registration = new FilterRegistrationBean<>(new IntakeLimitFilter(
				properties.maxConcurrentRequests(), properties.queueWait(), handlerExceptionResolver));
		registration.addUrlPatterns(SIGNAL_PATHS);
		// Before the body is read, after security (which runs at a negative order).
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}

	/**
	 * The size limit itself is the shared {@code kubernaut.http.max-request-size} (256KB
	 * in {@code gateway-service.yml}); this adds the bound for bodies sent without a
	 * length.
	 */
	@Bean
	FilterRegistrationBean<UndeclaredLengthLimitFilter> undeclaredLengthLimitFilter(RequestSizeProperties requestSize,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver handlerExceptionResolver) {
		FilterRegistrationBean<UndeclaredLengthLimitFilter> registration = new FilterRegistrationBean<>(
				new UndeclaredLengthLimitFilter(requestSize.maxRequestSize(), handlerExceptionResolver));
		registration.addUrlPatterns(SIGNAL_PATHS);
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 5);
		return registration;
	}

}
