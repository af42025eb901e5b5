package ai.kubernaut.support.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A bearer token before authentication, and the named caller after it. The raw token is
 * dropped once authenticated so it never reaches logs or the security context.
 */
final class BearerTokenAuthentication extends AbstractAuthenticationToken {

	private final String principal;

	private final String token;

	private BearerTokenAuthentication(String principal, String token,
			Collection<? extends GrantedAuthority> authorities, boolean authenticated) {
		super(authorities);
		this.principal = principal;
		this.token = token;
		setAuthenticated(authenticated);
	}

	static BearerTokenAuthentication unauthenticated(String token) {
		return new BearerTokenAuthentication(null, token, List.of(), false);
	}

	static BearerTokenAuthentication authenticated(String name, Collection<? extends GrantedAuthority> authorities) {
		return new BearerTokenAuthentication(name, null, authorities, true);
	}

	String token() {
		return this.token;
	}

	@Override
	public Object getCredentials() {
		return this.token;
	}

	@Override
	public Object getPrincipal() {
		return this.principal;
	}

}
