package ai.kubernaut.approval.request;

import ai.kubernaut.support.security.ApiSecurityCustomizer;
import ai.kubernaut.support.security.SecurityProperties;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Deciding needs the {@value #APPROVER} role, not just {@code write}: the workflow engine
 * holds {@code write} to open approval requests, and must not be able to approve its own.
 *
 * @see SecurityProperties.ApiToken#roles()
 */
@Component
class ApprovalSecurity implements ApiSecurityCustomizer {

	static final String APPROVER = "approver";

	@Override
	public void customize(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.POST, "/api/v1/approvals/*/decision").hasRole(APPROVER);
	}

}
