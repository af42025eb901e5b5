package ai.kubernaut.support.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Describes the bearer scheme in the OpenAPI document so Swagger UI's "Authorize" button
 * sends the token.
 */
@AutoConfiguration
public class OpenApiConfiguration {

	static final String BEARER = "bearerAuth";

	@Bean
	@ConditionalOnMissingBean
	OpenAPI kubernautOpenApi(Environment environment) {
		String name = environment.getProperty("spring.application.name", "kubernaut");
		return new OpenAPI()
			.info(new Info().title(name)
				.version(environment.getProperty("kubernaut.version", "0.1.0"))
				.description(environment.getProperty("kubernaut.description", "Kubernaut for the JVM: " + name))
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("A token from kubernaut.security.tokens (local stack: local-dev-token)")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

}
