package ai.kubernaut.datastorage.catalog.discovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The incident a discovery request describes. A {@code null} mandatory label or cluster
 * is unconstrained: Kubernaut treats an empty query value as "any".
 *
 * @param customLabels {@code map<key, values>} with sanitised keys; they only boost
 * @param detectedLabels string labels exclude workflows declaring another value; all
 * boost
 */
record DiscoveryContext(String severity, String component, String environment, String priority, String cluster,
		Map<String, List<String>> customLabels, DetectedLabelsQuery detectedLabels) {

	DiscoveryContext {
		customLabels = (customLabels != null) ? Map.copyOf(customLabels) : Map.of();
		detectedLabels = (detectedLabels != null) ? detectedLabels : DetectedLabelsQuery.NONE;
	}

	static DiscoveryContext of(String severity, String component, String environment, String priority) {
		return of(severity, component, environment, priority, null, Map.of(), DetectedLabelsQuery.NONE);
	}

	static DiscoveryContext of(String severity, String component, String environment, String priority, String cluster,
			Map<String, List<String>> customLabels, DetectedLabelsQuery detectedLabels) {
		return new DiscoveryContext(orNull(severity), orNull(component), orNull(environment), orNull(priority),
				orNull(cluster), customLabels, detectedLabels);
	}

	/**
	 * Whether step 3 acts as the security gate: Kubernaut's {@code HasContextFilters},
	 * where the cluster alone does not count.
	 */
	boolean hasContextFilters() {
		return this.severity != null || this.component != null || this.environment != null || this.priority != null;
	}

	/** The mandatory labels and cluster by name, {@code null} when unconstrained. */
	Map<String, String> labelFilters() {
		LinkedHashMap<String, String> filters = new LinkedHashMap<>();
		filters.put("severity", this.severity);
		filters.put("component", this.component);
		filters.put("environment", this.environment);
		filters.put("priority", this.priority);
		filters.put("cluster", this.cluster);
		return filters;
	}

	private static String orNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
