package ai.kubernaut.notification.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import ai.kubernaut.contracts.notification.NotificationAction;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * POSTs the notification as JSON to any HTTP endpoint. Headers:
 * <ul>
 * <li>{@value #ID_HEADER}: the notification id, the same on every retry, for the
 * receiver's deduplication;</li>
 * <li>{@value #TIMESTAMP_HEADER}: Unix seconds of this attempt, equal to the body's
 * {@code sentAt}, so the receiver can refuse old replays;</li>
 * <li>{@value #SIGNATURE_HEADER}: {@code sha256=<hex HMAC-SHA256 of the exact body bytes
 * with the configured secret>}, when a secret is configured. Because {@code sentAt} is in
 * the body, the signature covers the timestamp too.</li>
 * </ul>
 */
class WebhookChannel implements NotificationChannel {

	static final String SIGNATURE_HEADER = "X-Kubernaut-Signature";

	static final String TIMESTAMP_HEADER = "X-Kubernaut-Timestamp";

	static final String ID_HEADER = "X-Kubernaut-Notification-Id";

	private final String name;

	private final WebhookSettings settings;

	private final HttpSender http;

	private final JsonMapper json;

	private final Clock clock;

	WebhookChannel(String name, WebhookSettings settings, HttpSender http, JsonMapper json, Clock clock) {
		this.name = name;
		this.settings = settings;
		this.http = http;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public String type() {
		return "webhook";
	}

	@Override
	public void send(Notification notification) {
		long sentAt = this.clock.instant().getEpochSecond();
		String body = this.json.writeValueAsString(payload(notification, sentAt));
		Map<String, String> headers = new LinkedHashMap<>(this.settings.headers());
		headers.put(ID_HEADER, notification.id().toString());
		headers.put(TIMESTAMP_HEADER, Long.toString(sentAt));
		if (this.settings.secret() != null) {
			headers.put(SIGNATURE_HEADER, "sha256=" + sign(this.settings.secret(), body));
		}
		this.http.postJson("webhook", this.settings.url(), body, headers, this.settings.timeout());
	}

	private ObjectNode payload(Notification notification, long sentAt) {
		ObjectNode payload = this.json.createObjectNode()
			.put("notificationId", notification.id().toString())
			.put("type", notification.type().name())
			.put("severity", notification.severity())
			.put("priority", notification.priority())
			.put("subject", notification.subject())
			.put("body", notification.body());
		ObjectNode fields = payload.putObject("fields");
		notification.fields()
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach((field) -> fields.put(field.getKey(), field.getValue()));
		payload
			.put("remediationId",
					(notification.remediationId() != null) ? notification.remediationId().toString() : null)
			.put("namespace", notification.namespace())
			.put("environment", notification.environment());
		ObjectNode labels = payload.putObject("labels");
		notification.labels()
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach((label) -> labels.put(label.getKey(), label.getValue()));
		payload.put("graph", notification.graph());
		ArrayNode actions = payload.putArray("actions");
		for (NotificationAction action : notification.actions()) {
			ObjectNode node = actions.addObject().put("id", action.id()).put("label", action.label());
			node.put("url", (action.url() != null) ? action.url().toString() : null)
				.put("value", action.value())
				.put("style", action.style());
		}
		return payload.put("groupKey", notification.groupKey())
			.put("occurrences", notification.occurrences())
			.put("createdAt", notification.createdAt().toString())
			.put("sentAt", sentAt);
	}

	/**
	 * Hex HMAC-SHA256 of {@code body}'s UTF-8 bytes.
	 */
	static String sign(String secret, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
