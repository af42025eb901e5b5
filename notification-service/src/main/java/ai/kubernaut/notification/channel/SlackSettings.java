package ai.kubernaut.notification.channel;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A Slack channel of a receiver: either an incoming webhook ({@code webhook-url}) or the
 * Web API's {@code chat.postMessage} with a bot token ({@code bot-token} and
 * {@code channel}); exactly one of the two.
 *
 * @param name the channel's name within the receiver; {@code slack} by default
 * @param webhookUrl the incoming webhook URL; a secret (its path is the credential)
 * @param botToken an {@code xoxb-} bot token; a secret
 * @param channel the channel id or name {@code chat.postMessage} posts to
 * @param apiUrl the Web API base URL
 * @param timeout how long one attempt may take
 */
public record SlackSettings(String name, URI webhookUrl, String botToken, String channel,
		@DefaultValue("https://slack.com/api") URI apiUrl, String username, String iconEmoji,
		@DefaultValue("10s") Duration timeout) {

	@Override
	public String toString() {
		return "SlackSettings[name=" + this.name + ", webhookUrl=" + Secrets.mask(this.webhookUrl) + ", botToken="
				+ Secrets.mask(this.botToken) + ", channel=" + this.channel + ", apiUrl=" + this.apiUrl + "]";
	}

}
