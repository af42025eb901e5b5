package ai.kubernaut.notification.channel;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Builds the channel instances of receivers from their settings, and finds the
 * config-less channels that are beans (such as {@code log}). Settings are assumed to be
 * validated already (see the routing configuration's validation).
 */
@Component
public class ChannelFactory {

	private final Map<String, NotificationChannel> beans = new TreeMap<>();

	private final HttpSender http;

	private final JsonMapper json;

	private final Clock clock;

	private final ObjectProvider<JavaMailSender> mail;

	ChannelFactory(List<NotificationChannel> beanChannels, JsonMapper json, Clock clock,
			ObjectProvider<JavaMailSender> mail) {
		for (NotificationChannel channel : beanChannels) {
			NotificationChannel clash = this.beans.put(channel.name(), channel);
			if (clash != null) {
				throw new IllegalStateException("Notification channels " + clash.getClass().getName() + " and "
						+ channel.getClass().getName() + " are both named '" + channel.name() + "'");
			}
		}
		this.http = new HttpSender(Duration.ofSeconds(5), clock);
		this.json = json;
		this.clock = clock;
		this.mail = mail;
	}

	/**
	 * The names of the config-less channels receivers may list under {@code channels}.
	 */
	public List<String> beanChannelNames() {
		return List.copyOf(this.beans.keySet());
	}

	public Optional<NotificationChannel> beanChannel(String name) {
		return Optional.ofNullable(this.beans.get(name));
	}

	/**
	 * Whether an SMTP server is configured ({@code spring.mail.host}).
	 */
	public boolean mailConfigured() {
		return this.mail.getIfAvailable() != null;
	}

	public NotificationChannel slack(String name, SlackSettings settings) {
		return (settings.webhookUrl() != null) ? new SlackWebhookChannel(name, settings, this.http, this.json)
				: new SlackBotChannel(name, settings, this.http, this.json);
	}

	public NotificationChannel email(String name, EmailSettings settings) {
		return new EmailChannel(name, settings, this.mail.getObject());
	}

	public NotificationChannel webhook(String name, WebhookSettings settings) {
		return new WebhookChannel(name, settings, this.http, this.json, this.clock);
	}

	public NotificationChannel teams(String name, TeamsSettings settings) {
		return new TeamsChannel(name, settings, this.http, this.json);
	}

	public NotificationChannel pagerDuty(String name, PagerDutySettings settings) {
		return new PagerDutyChannel(name, settings, this.http, this.json);
	}

}
