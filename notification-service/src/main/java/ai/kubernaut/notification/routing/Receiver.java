package ai.kubernaut.notification.routing;

import java.util.List;

import ai.kubernaut.notification.channel.EmailSettings;
import ai.kubernaut.notification.channel.PagerDutySettings;
import ai.kubernaut.notification.channel.SlackSettings;
import ai.kubernaut.notification.channel.TeamsSettings;
import ai.kubernaut.notification.channel.WebhookSettings;

/**
 * A named set of channels the routing tree delivers to. Each channel becomes one delivery
 * per notification, retried and reported on its own.
 *
 * @param name what routes refer to
 * @param channels config-less channels by name, e.g. {@code [log]}
 * @param rateLimit optional token bucket shared by the receiver's channels
 */
public record Receiver(String name, List<String> channels, List<SlackSettings> slack, List<EmailSettings> email,
		List<WebhookSettings> webhook, List<TeamsSettings> teams, List<PagerDutySettings> pagerduty,
		RateLimit rateLimit) {

	public Receiver {
		channels = (channels == null) ? List.of() : List.copyOf(channels);
		slack = (slack == null) ? List.of() : List.copyOf(slack);
		email = (email == null) ? List.of() : List.copyOf(email);
		webhook = (webhook == null) ? List.of() : List.copyOf(webhook);
		teams = (teams == null) ? List.of() : List.copyOf(teams);
		pagerduty = (pagerduty == null) ? List.of() : List.copyOf(pagerduty);
	}

}
