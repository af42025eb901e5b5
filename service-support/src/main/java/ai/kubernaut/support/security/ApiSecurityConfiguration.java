package ai.kubernaut.support.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Bearer-token security shared by every service. Health, Prometheus and the OpenAPI pages
 * are open; every API needs a token. Rejections are rendered by the MVC problem advice,
 * so 401 and 403 are RFC 9457 documents like every other error.
 */
@AutoConfiguration
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class ApiSecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ApiSecurityConfiguration.class);

	static final String[] OPEN_PATHS = { "/actuator/health", "/actuator/health/**", "/actuator/prometheus",
			"/actuator/info", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
			"/swagger-ui/**", "/error" };

	@Bean
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, SecurityProperties properties,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver,
			ObjectProvider<ApiSecurityCustomizer> customizers) throws Exception {
		if (properties.tokens().isEmpty()) {
			log.warn("No API tokens are configured (kubernaut.security.tokens): every protected API will answer 401");
		}
		AuthenticationEntryPoint entryPoint = (request, response, ex) -> resolver.resolveException(request, response,
				null, ex);
		AccessDeniedHandler accessDenied = (request, response, ex) -> resolver.resolveException(request, response, null,
				ex);
		AuthenticationFilter bearer = new AuthenticationFilter(
				new ProviderManager(new StaticTokenAuthenticationProvider(properties)), new BearerTokenConverter());
		bearer.setSuccessHandler((request, response, authentication) -> {
		});
		bearer.setFailureHandler(new AuthenticationEntryPointFailureHandler(entryPoint));

		http.csrf((csrf) -> csrf.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(bearer, BasicAuthenticationFilter.class)
			.exceptionHandling(
					(handling) -> handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
			.authorizeHttpRequests((rules) -> {
				rules.requestMatchers(OPEN_PATHS).permitAll();
				customizers.orderedStream().forEach((customizer) -> customizer.customize(rules));
				rules.requestMatchers(HttpMethod.GET, "/**")
					.hasAnyRole("read", "write")
					.requestMatchers(HttpMethod.HEAD, "/**")
					.hasAnyRole("read", "write")
					.anyRequest()
					.hasRole("write");
			});
		return http.build();
	}

}
