package ai.kubernaut.notification.channel;

import java.util.Locale;
import java.util.Map;

import ai.kubernaut.contracts.notification.NotificationAction;
import ai.kubernaut.contracts.notification.NotificationType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends PagerDuty Events API v2 events. The event action follows the notification type:
 * {@code REMEDIATION_COMPLETED} resolves, {@code REMEDIATION_STARTED} acknowledges, every
 * other type (failures, escalations, manual reviews, approval requests) triggers. The
 * dedup key is the group key, else the remediation id, else the notification id, so a
 * remediation's completion resolves the incident its failure or escalation opened, and a
 * retried trigger never opens a second incident.
 */
class PagerDutyChannel implements NotificationChannel {

	private static final int SUMMARY_MAX = 1024;

	private final String name;

	private final PagerDutySettings settings;

	private final HttpSender http;

	private final JsonMapper json;

	PagerDutyChannel(String name, PagerDutySettings settings, HttpSender http, JsonMapper json) {
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
		return "pagerduty";
	}

	@Override
	public void send(Notification notification) {
		this.http.postJson("PagerDuty Events API", this.settings.url(),
				this.json.writeValueAsString(event(notification)), Map.of(), this.settings.timeout());
	}

	ObjectNode event(Notification notification) {
		String action = switch (notification.type()) {
			case REMEDIATION_COMPLETED -> "resolve";
			case REMEDIATION_STARTED -> "acknowledge";
			default -> "trigger";
		};
		ObjectNode event = this.json.createObjectNode()
			.put("routing_key", this.settings.routingKey())
			.put("event_action", action)
			.put("dedup_key", dedupKey(notification));
		if (!"trigger".equals(action)) {
			return event;
		}
		ObjectNode payload = event.putObject("payload")
			.put("summary", Markdown.truncate(notification.subjectWithCount(), SUMMARY_MAX))
			.put("source", this.settings.source())
			.put("severity", severity(notification.severity()))
			.put("timestamp", notification.createdAt().toString())
			.put("class", notification.type().name());
		if (notification.fields().containsKey("target")) {
			payload.put("component", notification.fields().get("target"));
		}
		if (notification.namespace() != null) {
			payload.put("group", notification.namespace());
		}
		ObjectNode details = payload.putObject("custom_details");
		notification.fields()
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach((field) -> details.put(field.getKey(), field.getValue()));
		details.put("body", notification.body());
		if (notification.graph() != null) {
			details.put("graph", notification.graph());
		}
		if (notification.remediationId() != null) {
			details.put("remediationId", notification.remediationId().toString());
		}
		if (notification.occurrences() > 1) {
			details.put("occurrences", notification.occurrences());
		}
		ArrayNode links = this.json.createArrayNode();
		for (NotificationAction link : notification.actions()) {
			if (link.url() != null) {
				links.addObject().put("href", link.url().toString()).put("text", link.label());
			}
		}
		if (!links.isEmpty()) {
			event.set("links", links);
		}
		return event;
	}

	static String dedupKey(Notification notification) {
		if (notification.groupKey() != null) {
			return notification.groupKey();
		}
		return (notification.remediationId() != null) ? notification.remediationId().toString()
				: notification.id().toString();
	}

	static String severity(String severity) {
		return switch (severity.toLowerCase(Locale.ROOT)) {
			case "critical", "p0" -> "critical";
			case "high", "error", "p1" -> "error";
			case "warning", "medium", "p2" -> "warning";
			default -> "info";
		};
	}

}
