package ai.kubernaut.notification.channel;

import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Writes each notification as one log line, for installations without chat or mail and as
 * the last resort that always works. The line is logfmt, so it stays one line whatever
 * the Markdown body holds, and every value is also attached as a key-value pair for
 * structured (JSON) log formats.
 */
@Component
class LogChannel implements NotificationChannel {

	static final String NAME = "log";

	private static final Logger log = LoggerFactory.getLogger("kubernaut.notifications");

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void send(Notification notification) {
		Map<String, String> fields = new TreeMap<>(notification.fields());
		log.atInfo()
			.addKeyValue("notificationId", notification.id())
			.addKeyValue("type", notification.type())
			.addKeyValue("severity", notification.severity())
			.addKeyValue("remediationId", notification.remediationId())
			.addKeyValue("subject", notification.subject())
			.addKeyValue("fields", fields)
			.addKeyValue("body", notification.body())
			.log("notification id={} type={} severity={} remediationId={} subject={} fields={} body={}",
					notification.id(), notification.type(), quote(notification.severity()),
					notification.remediationId(), quote(notification.subject()), quote(fields.toString()),
					quote(notification.body()));
	}

	private static String quote(String value) {
		StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> quoted.append(Character.isISOControl(c) ? ' ' : c);
			}
		}
		return quoted.append('"').toString();
	}

}
