package ai.kubernaut.gateway.intake;

import java.time.Clock;

import ai.kubernaut.contracts.remediation.RemediationApi;
import ai.kubernaut.gateway.classify.ClassificationProperties;
import ai.kubernaut.gateway.classify.SignalClassifier;
import ai.kubernaut.gateway.cluster.ClusterReader;
import ai.kubernaut.gateway.owner.TargetResolver;
import ai.kubernaut.support.client.ServiceClients;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
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
	SignalMetrics signalMetrics(MeterRegistry meterRegistry) {
		return new SignalMetrics(meterRegistry);
	}

	@Bean
	SignalIntake signalIntake(TargetResolver targetResolver, SignalClassifier signalClassifier,
			RemediationApi remediationApi, JdbcClient jdbcClient, JsonMapper jsonMapper, SignalMetrics signalMetrics,
			Clock clock) {
		return new SignalIntake(targetResolver, signalClassifier, remediationApi, new SignalLog(jdbcClient, jsonMapper),
				signalMetrics, clock);
	}

	@Bean
	FilterRegistrationBean<PayloadSizeLimitFilter> payloadSizeLimitFilter(IntakeProperties properties,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver handlerExceptionResolver) {
		FilterRegistrationBean<PayloadSizeLimitFilter> registration = new FilterRegistrationBean<>(
				new PayloadSizeLimitFilter(properties.maxPayloadSize(), handlerExceptionResolver));
		registration.addUrlPatterns(SIGNAL_PATHS);
		return registration;
	}

}
