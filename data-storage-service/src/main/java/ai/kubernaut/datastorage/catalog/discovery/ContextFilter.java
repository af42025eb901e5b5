package ai.kubernaut.datastorage.catalog.discovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.kubernaut.datastorage.catalog.discovery.LabelWeights.DetectedLabel;

/**
 * Kubernaut's context filter (the hard filters of discovery) as a SQL condition over a
 * catalog row aliased {@code w}, for one query. Only constrained dimensions appear:
 * <ul>
 * <li>severity, component, environment, priority and cluster match when some workflow
 * value equals the query value case-insensitively, or the workflow value is {@code "*"};
 * a query {@code "*"} is compared literally; a workflow label may be a list or a single
 * string (legacy shapes); a workflow without a {@code cluster} list never matches a
 * cluster filter;</li>
 * <li>a string detected label keeps workflows declaring the same value, {@code "*"} or
 * nothing;</li>
 * <li>boolean detected labels and custom labels never exclude.</li>
 * </ul>
 */
final class ContextFilter {

	private final String condition;

	private final String indexedCondition;

	private final Map<String, Object> params;

	private ContextFilter(String condition, String indexedCondition, Map<String, Object> params) {
		this.condition = condition;
		this.indexedCondition = indexedCondition;
		this.params = params;
	}

	static ContextFilter of(DiscoveryContext context) {
		List<String> conditions = new ArrayList<>();
		List<String> indexed = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		context.labelFilters().forEach((label, value) -> {
			if (value != null) {
				conditions.add(labelMatches(label));
				indexed.add(labelKeyMatches(label));
				params.put("f_" + label, value);
			}
		});
		context.detectedLabels().values().forEach((label, value) -> {
			String param = "f_" + label.key();
			conditions.add(detectedValueCompatible(label, param));
			params.put(param, value);
		});
		return new ContextFilter(conditions.isEmpty() ? "TRUE" : String.join("\n  AND ", conditions),
				indexed.isEmpty() ? "TRUE" : String.join("\n  AND ", indexed), params);
	}

	String condition() {
		return this.condition;
	}

	/**
	 * The mandatory-label part of {@link #condition()} over the discovery keys of the
	 * action type bound as {@code :actionType}, which the GIN index
	 * {@code idx_workflow_catalog_discovery_keys} answers for discoverable rows. It only
	 * narrows the candidates: keys are hashes, so {@link #condition()} must still apply.
	 */
	String indexedCondition() {
		return this.indexedCondition;
	}

	Map<String, Object> params() {
		return this.params;
	}

	/**
	 * {@code label} is one of the fixed label names of {@link DiscoveryContext}, never
	 * request input. {@code labels_ci} is the lower-cased copy of {@code labels}; jsonb
	 * containment of a string matches both a list holding it and a scalar equal to it,
	 * which covers the legacy shapes, and a missing key never matches.
	 */
	private static String labelMatches(String label) {
		return """
				(w.labels_ci -> '%1$s' @> to_jsonb(lower(cast(:f_%1$s as text))) \
				OR w.labels_ci -> '%1$s' @> to_jsonb(cast('*' as text)))""".formatted(label);
	}

	private static String labelKeyMatches(String label) {
		return """
				w.discovery_keys && ARRAY[discovery_key(cast(:actionType as text), '%1$s', cast(:f_%1$s as text)), \
				discovery_key(cast(:actionType as text), '%1$s', '*')]""".formatted(label);
	}

	private static String detectedValueCompatible(DetectedLabel label, String param) {
		return "coalesce(w.detected_labels ->> '%1$s', cast(:%2$s as text)) IN (cast(:%2$s as text), '*')"
			.formatted(label.key(), param);
	}

}
