package ai.kubernaut.support;

import ai.kubernaut.support.client.ServiceClients;
import ai.kubernaut.support.problem.ProblemDetailsAdvice;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * Wiring every Kubernaut service gets by depending on service-support.
 */
@AutoConfiguration
public class KubernautServiceAutoConfiguration {

	@Bean
	@ConditionalOnWebApplication
	@ConditionalOnMissingBean
	ProblemDetailsAdvice problemDetailsAdvice() {
		return new ProblemDetailsAdvice();
	}

	@Bean
	@ConditionalOnMissingBean
	ServiceClients serviceClients(RestClient.Builder builder, JsonMapper jsonMapper) {
		return new ServiceClients(builder, jsonMapper);
	}

}
