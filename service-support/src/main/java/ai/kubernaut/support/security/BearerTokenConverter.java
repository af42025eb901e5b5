package ai.kubernaut.support.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads {@code Authorization: Bearer <token>}. No header means anonymous (the
 * authorization rules then decide); a malformed header is an authentication failure.
 */
final class BearerTokenConverter implements AuthenticationConverter {

	private static final String PREFIX = "bearer ";

	@Override
	public Authentication convert(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			return null;
		}
		if (header.length() <= PREFIX.length() || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			throw new BadCredentialsException("the Authorization header must be 'Bearer <token>'");
		}
		return BearerTokenAuthentication.unauthenticated(header.substring(PREFIX.length()).trim());
	}

}
