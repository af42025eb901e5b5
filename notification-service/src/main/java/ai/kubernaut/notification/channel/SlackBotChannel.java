package ai.kubernaut.notification.channel;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts the {@link SlackMessage} with the Web API's {@code chat.postMessage} and a bot
 * token. Slack answers HTTP 200 even for errors, with {@code {"ok":false,"error":...}}:
 * its transient errors are retried, the rest (bad token, unknown channel, bot not in the
 * channel) are permanent.
 */
class SlackBotChannel implements NotificationChannel {

	private static final Set<String> TRANSIENT_ERRORS = Set.of("internal_error", "fatal_error", "service_unavailable",
			"request_timeout", "ratelimited", "team_added_to_org");

	private final String name;

	private final SlackSettings settings;

	private final HttpSender http;

	private final JsonMapper json;

	private final URI postMessage;

	SlackBotChannel(String name, SlackSettings settings, HttpSender http, JsonMapper json) {
		this.name = name;
		this.settings = settings;
		this.http = http;
		this.json = json;
		String base = settings.apiUrl().toString();
		this.postMessage = URI.create((base.endsWith("/") ? base : base + "/") + "chat.postMessage");
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
		ObjectNode message = this.json.createObjectNode().put("channel", this.settings.channel());
		message.setAll(SlackMessage.of(notification, this.json));
		if (this.settings.username() != null) {
			message.put("username", this.settings.username());
		}
		if (this.settings.iconEmoji() != null) {
			message.put("icon_emoji", this.settings.iconEmoji());
		}
		HttpResponse<String> response = this.http.postJson("Slack chat.postMessage", this.postMessage,
				this.json.writeValueAsString(message), Map.of("Authorization", "Bearer " + this.settings.botToken()),
				this.settings.timeout());
		JsonNode answer;
		try {
			answer = this.json.readTree(response.body());
		}
		catch (RuntimeException ex) {
			throw DeliveryFailedException.retryable(
					"Slack chat.postMessage answered with unreadable JSON" + HttpSender.excerpt(response.body()),
					"error", null, ex);
		}
		if (!answer.path("ok").asBoolean(false)) {
			String error = answer.path("error").asString("unknown_error");
			String what = "Slack chat.postMessage to " + this.settings.channel() + " failed: " + error;
			if (TRANSIENT_ERRORS.contains(error)) {
				throw DeliveryFailedException.retryable(what, "error", null, null);
			}
			throw DeliveryFailedException.permanent(what, "rejected", null);
		}
	}

}
