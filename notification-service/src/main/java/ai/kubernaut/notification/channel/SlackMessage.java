package ai.kubernaut.notification.channel;

import java.util.Locale;
import java.util.Map;

import ai.kubernaut.contracts.notification.NotificationAction;
import ai.kubernaut.contracts.notification.NotificationType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Block Kit message of a notification, the same for incoming webhooks and
 * {@code chat.postMessage}: a header (severity emoji and subject), the body as mrkdwn,
 * the fields, the step graph as a code block, the actions, and a context line.
 * <p>
 * Actions of an {@link NotificationType#APPROVAL_REQUEST approval request} that carry a
 * {@code value} become interactive buttons in the block {@value #APPROVAL_BLOCK}, with
 * {@code action_id} {@value #APPROVAL_ACTION_PREFIX}{@code <action id>} (e.g.
 * {@code kubernaut_approval_approve}, {@code kubernaut_approval_reject}) and the action's
 * {@code value} verbatim; approval-service's Slack interactions endpoint dispatches on
 * that {@code action_id} and reads the approval from that {@code value}. Every action
 * with a {@code url} (the signed one-click links) becomes a URL button in the block
 * {@value #LINKS_BLOCK} with {@code action_id} {@value #LINK_ACTION_PREFIX}{@code <action
 * id>}; Slack also reports clicks on those to the interactions endpoint, which only has
 * to acknowledge them.
 */
final class SlackMessage {

	static final String APPROVAL_BLOCK = "kubernaut_approval";

	static final String LINKS_BLOCK = "kubernaut_links";

	static final String APPROVAL_ACTION_PREFIX = "kubernaut_approval_";

	static final String LINK_ACTION_PREFIX = "kubernaut_link_";

	// Block Kit limits.
	private static final int HEADER_MAX = 150;

	private static final int TEXT_MAX = 3000;

	private static final int FIELDS_MAX = 10;

	private static final int BUTTON_TEXT_MAX = 75;

	private static final int VALUE_MAX = 2000;

	private SlackMessage() {
	}

	static ObjectNode of(Notification notification, JsonMapper json) {
		ObjectNode message = json.createObjectNode();
		String header = emoji(notification.severity()) + " " + notification.subjectWithCount();
		message.put("text", Markdown.truncate(header, TEXT_MAX));
		ArrayNode blocks = message.putArray("blocks");

		ObjectNode headerBlock = blocks.addObject().put("type", "header");
		headerBlock.putObject("text")
			.put("type", "plain_text")
			.put("text", Markdown.truncate(header, HEADER_MAX))
			.put("emoji", true);

		if (!notification.body().isBlank()) {
			section(blocks, Markdown.truncate(Markdown.toSlack(notification.body()), TEXT_MAX));
		}

		if (!notification.fields().isEmpty()) {
			ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
			notification.fields()
				.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.limit(FIELDS_MAX)
				.forEach((field) -> fields.addObject()
					.put("type", "mrkdwn")
					.put("text", Markdown.truncate("*" + escape(field.getKey()) + "*\n" + escape(field.getValue()),
							VALUE_MAX)));
		}

		if (notification.graph() != null && !notification.graph().isBlank()) {
			// Inside a code block Slack shows text verbatim, but &, < and > must still be
			// escaped.
			section(blocks, "```" + Markdown.truncate(escape(notification.graph()), TEXT_MAX - 6) + "```");
		}

		if (notification.type() == NotificationType.APPROVAL_REQUEST) {
			ArrayNode buttons = json.createArrayNode();
			for (NotificationAction action : notification.actions()) {
				if (action.value() != null) {
					ObjectNode button = button(buttons, action.label(), APPROVAL_ACTION_PREFIX + action.id());
					button.put("value", Markdown.truncate(action.value(), VALUE_MAX));
					style(button, action);
				}
			}
			actions(blocks, APPROVAL_BLOCK, buttons);
		}

		ArrayNode links = json.createArrayNode();
		for (NotificationAction action : notification.actions()) {
			if (action.url() != null) {
				boolean alsoInteractive = notification.type() == NotificationType.APPROVAL_REQUEST
						&& action.value() != null;
				ObjectNode button = button(links, alsoInteractive ? action.label() + " in browser" : action.label(),
						LINK_ACTION_PREFIX + action.id());
				button.put("url", action.url().toString());
				if (!alsoInteractive) {
					style(button, action);
				}
			}
		}
		actions(blocks, LINKS_BLOCK, links);

		blocks.addObject()
			.put("type", "context")
			.putArray("elements")
			.addObject()
			.put("type", "mrkdwn")
			.put("text", context(notification));
		return message;
	}

	private static String context(Notification notification) {
		StringBuilder context = new StringBuilder("*Severity:* ").append(escape(notification.severity()));
		if (notification.priority() != null) {
			context.append(" | *Priority:* ").append(escape(notification.priority()));
		}
		context.append(" | *Type:* ").append(notification.type().name());
		if (notification.remediationId() != null) {
			context.append(" | *Remediation:* `").append(notification.remediationId()).append('`');
		}
		if (notification.occurrences() > 1) {
			context.append(" | *Occurrences:* ").append(notification.occurrences());
		}
		return context.toString();
	}

	private static void section(ArrayNode blocks, String mrkdwn) {
		blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", mrkdwn);
	}

	private static ObjectNode button(ArrayNode elements, String label, String actionId) {
		ObjectNode button = elements.addObject().put("type", "button").put("action_id", actionId);
		button.putObject("text")
			.put("type", "plain_text")
			.put("text", Markdown.truncate(label, BUTTON_TEXT_MAX))
			.put("emoji", true);
		return button;
	}

	private static void style(ObjectNode button, NotificationAction action) {
		if ("primary".equals(action.style()) || "danger".equals(action.style())) {
			button.put("style", action.style());
		}
	}

	private static void actions(ArrayNode blocks, String blockId, ArrayNode elements) {
		if (!elements.isEmpty()) {
			blocks.addObject().put("type", "actions").put("block_id", blockId).set("elements", elements);
		}
	}

	static String emoji(String severity) {
		return switch (severity.toLowerCase(Locale.ROOT)) {
			case "critical", "p0" -> "🚨";
			case "high", "error", "p1" -> "⚠️";
			case "medium", "warning", "p2" -> "ℹ️";
			case "low", "info", "p3" -> "💬";
			default -> "📢";
		};
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
