package ai.kubernaut.notification.channel;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A Microsoft Teams channel of a receiver: an Adaptive Card posted to an incoming webhook
 * (or a Workflows "post to a channel when a webhook request is received" URL, which takes
 * the same payload).
 *
 * @param name the channel's name within the receiver; {@code teams} by default
 * @param webhookUrl the webhook URL; a secret
 */
public record TeamsSettings(String name, URI webhookUrl, @DefaultValue("10s") Duration timeout) {

	@Override
	public String toString() {
		return "TeamsSettings[name=" + this.name + ", webhookUrl=" + Secrets.mask(this.webhookUrl) + "]";
	}

}
