package ai.kubernaut.approval.slack;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Slack interactivity (Block Kit buttons).
 *
 * @param signingSecret the Slack app's signing secret
 * ({@code KUBERNAUT_APPROVAL_SLACK_SIGNINGSECRET}); without it every interaction is
 * refused
 * @param tolerance how old a request's {@code X-Slack-Request-Timestamp} may be (either
 * way), against replays
 * @param responseUrlHosts hosts a {@code response_url} may point to; anything else is not
 * called, so a forged payload cannot make this service POST elsewhere
 * @param responseTimeout timeout of the call that updates the original message
 */
@Validated
@ConfigurationProperties("kubernaut.approval.slack")
record SlackProperties(String signingSecret, @DefaultValue("5m") Duration tolerance,
		@DefaultValue("hooks.slack.com") Set<String> responseUrlHosts, @DefaultValue("5s") Duration responseTimeout) {

	SlackProperties {
		responseUrlHosts = Set.copyOf(responseUrlHosts);
	}

	@Override
	public String toString() {
		return "SlackProperties[signingSecret=" + ((this.signingSecret != null) ? "***" : "unset") + ", tolerance="
				+ this.tolerance + ", responseUrlHosts=" + this.responseUrlHosts + "]";
	}

}
