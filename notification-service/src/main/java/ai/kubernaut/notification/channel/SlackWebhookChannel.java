package ai.kubernaut.notification.channel;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts the {@link SlackMessage} to a Slack incoming webhook. The webhook answers
 * {@code 200 ok}; {@code 400 invalid_payload}, {@code 403 invalid_token},
 * {@code 404 no_service} and {@code 410 channel_is_archived} are permanent; 429 carries
 * {@code Retry-After}.
 */
class SlackWebhookChannel implements NotificationChannel {

	private final String name;

	private final SlackSettings settings;

	private final HttpSender http;

	private final JsonMapper json;

	SlackWebhookChannel(String name, SlackSettings settings, HttpSender http, JsonMapper json) {
		this.name = name;
		this.settings = settings;
		this.http = http;
		this.json = json;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public String type() {
		return "slack";
	}

	@Override
	public void send(Notification notification) {
		ObjectNode message = SlackMessage.of(notification, this.json);
		if (this.settings.username() != null) {
			message.put("username", this.settings.username());
		}
		if (this.settings.iconEmoji() != null) {
			message.put("icon_emoji", this.settings.iconEmoji());
		}
		this.http.postJson("Slack webhook", this.settings.webhookUrl(), this.json.writeValueAsString(message), Map.of(),
				this.settings.timeout());
	}

}
