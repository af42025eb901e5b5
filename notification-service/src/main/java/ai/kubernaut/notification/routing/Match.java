package ai.kubernaut.notification.routing;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.kubernaut.notification.channel.Notification;

/**
 * What a route matches; every given attribute must match (AND), each attribute matches
 * when the notification's value is one of the listed values (OR, case-insensitive). An
 * absent attribute matches everything; a notification without a value for a listed
 * attribute does not match.
 *
 * @param type notification types, e.g. {@code [APPROVAL_REQUEST]} or
 * {@code approval-request}
 * @param severity e.g. {@code [critical, high]}
 * @param namespace target namespaces
 * @param environment target environments, e.g. {@code [production]}
 * @param labels labels that must all be present with these values, e.g. {@code {team:
 * payments}}; write keys with dots or slashes in brackets:
 * {@code "[app.kubernetes.io/part-of]": shop}
 */
public record Match(List<String> type, List<String> severity, List<String> namespace, List<String> environment,
		Map<String, String> labels) {

	public Match {
		type = (type == null) ? List.of() : List.copyOf(type);
		severity = (severity == null) ? List.of() : List.copyOf(severity);
		namespace = (namespace == null) ? List.of() : List.copyOf(namespace);
		environment = (environment == null) ? List.of() : List.copyOf(environment);
		labels = (labels == null) ? Map.of() : Map.copyOf(labels);
	}

	static final Match ALL = new Match(null, null, null, null, null);

	boolean matches(Notification notification) {
		return anyOf(this.type.stream().map(Match::typeName).toList(), notification.type().name())
				&& anyOf(this.severity, notification.severity()) && anyOf(this.namespace, notification.namespace())
				&& anyOf(this.environment, notification.environment())
				&& this.labels.entrySet()
					.stream()
					.allMatch((label) -> label.getValue().equals(notification.labels().get(label.getKey())));
	}

	/**
	 * {@code approval-request} and {@code APPROVAL_REQUEST} name the same type.
	 */
	static String typeName(String configured) {
		return configured.trim().replace('-', '_').toUpperCase(Locale.ROOT);
	}

	private static boolean anyOf(List<String> accepted, String value) {
		return accepted.isEmpty() || (value != null && accepted.stream().anyMatch(value::equalsIgnoreCase));
	}

}
