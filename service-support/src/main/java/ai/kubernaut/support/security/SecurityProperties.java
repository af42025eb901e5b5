package ai.kubernaut.support.security;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Bearer tokens accepted by this service. With no tokens configured every protected API
 * answers 401, which is the safe default: a service never runs open by accident.
 *
 * @param tokens the accepted tokens, usually mounted from a Secret (env
 * {@code KUBERNAUT_SECURITY_TOKENS_0_TOKEN} and so on)
 */
@Validated
@ConfigurationProperties("kubernaut.security")
public record SecurityProperties(@Valid List<ApiToken> tokens) {

	public SecurityProperties {
		tokens = (tokens != null) ? List.copyOf(tokens) : List.of();
	}

	/**
	 * One accepted token.
	 *
	 * @param name who holds the token; becomes the authenticated principal (e.g.
	 * {@code alertmanager}, {@code workflow-engine}, {@code alice})
	 * @param token the secret itself; at least 12 characters; use 32 random bytes in
	 * production
	 * @param roles what the holder may do: {@code read} for GETs, {@code write} for
	 * changes, plus any role a service defines (e.g. {@code approver})
	 */
	public record ApiToken(@NotBlank String name, @NotBlank @Size(min = 12) String token, Set<String> roles) {

		public ApiToken {
			roles = (roles != null) ? Set.copyOf(roles) : Set.of("read");
		}

		@Override
		public String toString() {
			return "ApiToken[name=" + this.name + ", roles=" + this.roles + "]";
		}

	}

}
