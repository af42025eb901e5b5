package ai.kubernaut.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Authenticates bearer tokens against the configured list. Tokens are compared as SHA-256
 * digests with {@link MessageDigest#isEqual}, and every configured token is compared on
 * every request, so neither the content nor the position of a token leaks through timing.
 */
final class StaticTokenAuthenticationProvider implements AuthenticationProvider {

	private final List<KnownToken> tokens;

	StaticTokenAuthenticationProvider(SecurityProperties properties) {
		this.tokens = properties.tokens().stream().map(KnownToken::of).toList();
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		byte[] presented = sha256(((BearerTokenAuthentication) authentication).token());
		KnownToken match = null;
		for (KnownToken candidate : this.tokens) {
			if (MessageDigest.isEqual(candidate.digest(), presented) && match == null) {
				match = candidate;
			}
		}
		if (match == null) {
			throw new BadCredentialsException("the bearer token is not recognised");
		}
		return BearerTokenAuthentication.authenticated(match.token().name(),
				match.token().roles().stream().map((role) -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return BearerTokenAuthentication.class.isAssignableFrom(authentication);
	}

	static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every JVM", ex);
		}
	}

	private record KnownToken(SecurityProperties.ApiToken token, byte[] digest) {

		static KnownToken of(SecurityProperties.ApiToken token) {
			return new KnownToken(token, sha256(token.token()));
		}

	}

}
