package ai.kubernaut.notification.channel;

import java.util.Locale;
import java.util.Map;

import ai.kubernaut.contracts.notification.NotificationAction;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts an Adaptive Card (schema 1.4) to a Microsoft Teams incoming webhook: the subject
 * as a title coloured by severity, the body, the fields as a FactSet, the graph in a
 * monospace block, the context, and every action with a URL as an {@code Action.OpenUrl}
 * (Teams webhooks cannot call back, so approvals go through the signed links).
 */
class TeamsChannel implements NotificationChannel {

	private final String name;

	private final TeamsSettings settings;

	private final HttpSender http;

	private final JsonMapper json;

	TeamsChannel(String name, TeamsSettings settings, HttpSender http, JsonMapper json) {
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
		return "teams";
	}

	@Override
	public void send(Notification notification) {
		this.http.postJson("Teams webhook", this.settings.webhookUrl(),
				this.json.writeValueAsString(card(notification, this.json)), Map.of(), this.settings.timeout());
	}

	static ObjectNode card(Notification notification, JsonMapper json) {
		ObjectNode message = json.createObjectNode().put("type", "message");
		ObjectNode attachment = message.putArray("attachments")
			.addObject()
			.put("contentType", "application/vnd.microsoft.card.adaptive");
		attachment.putNull("contentUrl");
		ObjectNode card = attachment.putObject("content")
			.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
			.put("type", "AdaptiveCard")
			.put("version", "1.4");
		ArrayNode body = card.putArray("body");
		body.addObject()
			.put("type", "TextBlock")
			.put("text", SlackMessage.emoji(notification.severity()) + " " + notification.subjectWithCount())
			.put("size", "Large")
			.put("weight", "Bolder")
			.put("color", color(notification.severity()))
			.put("wrap", true);
		if (!notification.body().isBlank()) {
			body.addObject().put("type", "TextBlock").put("text", notification.body()).put("wrap", true);
		}
		if (!notification.fields().isEmpty()) {
			ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
			notification.fields()
				.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.forEach((field) -> facts.addObject().put("title", field.getKey()).put("value", field.getValue()));
		}
		if (notification.graph() != null && !notification.graph().isBlank()) {
			body.addObject()
				.put("type", "TextBlock")
				.put("text", notification.graph())
				.put("fontType", "Monospace")
				.put("wrap", true);
		}
		StringBuilder context = new StringBuilder("Severity: ").append(notification.severity())
			.append(" | Type: ")
			.append(notification.type().name());
		if (notification.remediationId() != null) {
			context.append(" | Remediation: ").append(notification.remediationId());
		}
		body.addObject()
			.put("type", "TextBlock")
			.put("text", context.toString())
			.put("isSubtle", true)
			.put("size", "Small")
			.put("wrap", true);
		ArrayNode actions = json.createArrayNode();
		for (NotificationAction action : notification.actions()) {
			if (action.url() != null) {
				ObjectNode open = actions.addObject()
					.put("type", "Action.OpenUrl")
					.put("title", action.label())
					.put("url", action.url().toString());
				if ("primary".equals(action.style())) {
					open.put("style", "positive");
				}
				else if ("danger".equals(action.style())) {
					open.put("style", "destructive");
				}
			}
		}
		if (!actions.isEmpty()) {
			card.set("actions", actions);
		}
		return message;
	}

	private static String color(String severity) {
		return switch (severity.toLowerCase(Locale.ROOT)) {
			case "critical", "high", "error", "p0", "p1" -> "Attention";
			case "warning", "medium", "p2" -> "Warning";
			default -> "Default";
		};
	}

}
