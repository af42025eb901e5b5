package ai.kubernaut.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Lets a service add authorization rules (for example a role only approvers hold, or a
 * page that must stay public) ahead of the defaults: GETs need {@code read} or
 * {@code write}, everything else {@code write}.
 */
@FunctionalInterface
public interface ApiSecurityCustomizer {

	void customize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);

}
