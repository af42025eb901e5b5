package ai.kubernaut.approval.link;

import ai.kubernaut.support.security.ApiSecurityCustomizer;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The decision pages need no bearer token: the signed token in the link is the
 * credential, checked by {@link DecisionPageController} on every request.
 */
@Component
class LinkSecurity implements ApiSecurityCustomizer {

	@Override
	public void customize(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.GET, "/approvals/*").permitAll();
		rules.requestMatchers(HttpMethod.POST, "/approvals/*").permitAll();
	}

}
