package ai.kubernaut.support;

import ai.kubernaut.support.client.ServiceClients;
import ai.kubernaut.support.problem.ProblemDetailsAdvice;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * Wiring every Kubernaut service gets by depending on service-support. Runs before Spring
 * MVC's auto-configuration so that Boot's own problem-details handler, which would shadow
 * ours, backs off.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
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
