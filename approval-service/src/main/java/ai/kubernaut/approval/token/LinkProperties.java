package ai.kubernaut.approval.token;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * One-click decision links.
 *
 * @param secret the HMAC-SHA256 key tokens are signed with, at least 32 bytes; mount it
 * from a Secret ({@code KUBERNAUT_APPROVAL_LINKS_SECRET}). Without it no links or Slack
 * button values are issued and every token is refused
 * @param baseUrl the externally reachable base URL of this service; links are
 * {@code <baseUrl>/approvals/<token>}
 */
@Validated
@ConfigurationProperties("kubernaut.approval.links")
public record LinkProperties(String secret, @DefaultValue("http://localhost:8083") URI baseUrl) {

	static final int MIN_SECRET_BYTES = 32;

	public LinkProperties {
		if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
			// Never echo the secret itself.
			throw new IllegalArgumentException(
					"kubernaut.approval.links.secret must be at least " + MIN_SECRET_BYTES + " bytes");
		}
		if (!baseUrl.isAbsolute() || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
			throw new IllegalArgumentException(
					"kubernaut.approval.links.base-url must be an absolute http(s) URL, was " + baseUrl);
		}
	}

	public boolean enabled() {
		return this.secret != null;
	}

	@Override
	public String toString() {
		return "LinkProperties[baseUrl=" + this.baseUrl + ", secret=" + (enabled() ? "***" : "unset") + "]";
	}

}
