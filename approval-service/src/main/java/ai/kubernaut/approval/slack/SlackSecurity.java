package ai.kubernaut.approval.slack;

import ai.kubernaut.support.security.ApiSecurityCustomizer;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Slack presents no bearer token; its requests are authenticated by their signature,
 * which {@link SlackInteractionController} checks before anything else.
 */
@Component
class SlackSecurity implements ApiSecurityCustomizer {

	@Override
	public void customize(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.POST, SlackInteractionController.PATH).permitAll();
	}

}
