package ai.kubernaut.gateway.classify;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Gives a signal its severity, environment and priority.
 *
 * <p>
 * Severity is normalised to {@code critical|high|warning|info} (aliases from
 * configuration; anything else becomes the configured default, {@code warning}, so an
 * alert without a severity is neither ignored nor paged as critical). The environment is
 * read from the namespace first ({@code kubernaut.ai/environment}, then
 * {@code environment}), because the namespace is what operators label deliberately, then
 * from the alert's {@code environment} label, else {@code unknown}. The priority comes
 * from the first matching row of the configured table.
 */
public class SignalClassifier {

	static final String ENVIRONMENT_LABEL = "kubernaut.ai/environment";

	static final String PLAIN_ENVIRONMENT_LABEL = "environment";

	static final String UNKNOWN = "unknown";

	static final Set<String> SEVERITIES = Set.of("critical", "high", "warning", "info");

	private final ClassificationProperties properties;

	public SignalClassifier(ClassificationProperties properties) {
		this.properties = properties;
	}

	/**
	 * @param severity the source's severity, any case, {@code null} when absent
	 */
	public String normalizeSeverity(String severity) {
		if (severity == null || severity.isBlank()) {
			return this.properties.defaultSeverity();
		}
		String value = severity.trim().toLowerCase(Locale.ROOT);
		if (SEVERITIES.contains(value)) {
			return value;
		}
		String alias = this.properties.severityAliases().get(value);
		return (alias != null && SEVERITIES.contains(alias)) ? alias : this.properties.defaultSeverity();
	}

	/**
	 * @param severity the signal's normalised severity
	 * @param namespaceLabels the labels of the target's namespace
	 * @param signalLabels the alert's labels
	 */
	public Classification classify(String severity, Map<String, String> namespaceLabels,
			Map<String, String> signalLabels) {
		String environment = environment(namespaceLabels, signalLabels);
		String priority = this.properties.priorities()
			.stream()
			.filter((rule) -> rule.matches(severity, environment))
			.map(ClassificationProperties.PriorityRule::priority)
			.findFirst()
			.orElse(this.properties.defaultPriority());
		return new Classification(environment, priority);
	}

	static String environment(Map<String, String> namespaceLabels, Map<String, String> signalLabels) {
		for (String value : new String[] { namespaceLabels.get(ENVIRONMENT_LABEL),
				namespaceLabels.get(PLAIN_ENVIRONMENT_LABEL), signalLabels.get(PLAIN_ENVIRONMENT_LABEL) }) {
			if (value != null && !value.isBlank()) {
				return value.trim().toLowerCase(Locale.ROOT);
			}
		}
		return UNKNOWN;
	}

}
