package ai.kubernaut.datastorage.catalog.discovery;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The oracle: Kubernaut's hard filters and score written straight from the published
 * rules, in plain Java, with its own copy of every number (deliberately not
 * {@link LabelWeights}, so a wrong weight there cannot agree with itself).
 */
final class ReferenceScorer {

	private static final Map<String, BigDecimal> BOOLEAN_WEIGHTS = Map.of("gitOpsManaged", new BigDecimal("0.10"),
			"pdbProtected", new BigDecimal("0.05"), "networkIsolated", new BigDecimal("0.03"), "helmManaged",
			new BigDecimal("0.02"), "stateful", new BigDecimal("0.02"), "hpaEnabled", new BigDecimal("0.02"),
			"virtualMachine", new BigDecimal("0.08"), "liveMigratable", new BigDecimal("0.04"), "cdiManaged",
			new BigDecimal("0.03"));

	private static final Map<String, BigDecimal> STRING_WEIGHTS = Map.of("gitOpsTool", new BigDecimal("0.10"),
			"serviceMesh", new BigDecimal("0.05"), "storageBackend", new BigDecimal("0.05"));

	private static final Map<String, Set<String>> STRING_ENUMS = Map.of("gitOpsTool", Set.of("argocd", "flux"),
			"serviceMesh", Set.of("istio", "linkerd"), "storageBackend", Set.of("odf-ceph", "lvms", "local"));

	private ReferenceScorer() {
	}

	/**
	 * A catalog row as the oracle sees it.
	 */
	record Row(String workflowId, String actionType, boolean discoverable, JsonNode labels, JsonNode customLabels,
			JsonNode detectedLabels) {
	}

	/**
	 * A row that passed the filters, with its score.
	 */
	record Scored(String workflowId, BigDecimal score) {
	}

	/**
	 * Step 2 over a catalog: filter, score, order by score descending then id ascending.
	 */
	static List<Scored> discover(List<Row> catalog, String actionType, DiscoveryContext query) {
		List<Scored> result = new ArrayList<>();
		for (Row row : catalog) {
			if (row.actionType().equals(actionType) && row.discoverable() && passes(row, query)) {
				result.add(new Scored(row.workflowId(), score(row, query)));
			}
		}
		result.sort(Comparator.comparing(Scored::score).reversed().thenComparing(Scored::workflowId));
		return result;
	}

	static boolean passes(Row row, DiscoveryContext query) {
		if (!labelMatches(row.labels().get("severity"), query.severity())
				|| !labelMatches(row.labels().get("component"), query.component())
				|| !labelMatches(row.labels().get("environment"), query.environment())
				|| !labelMatches(row.labels().get("priority"), query.priority())
				|| !labelMatches(row.labels().get("cluster"), query.cluster())) {
			return false;
		}
		for (var entry : query.detectedLabels().values().entrySet()) {
			JsonNode declared = row.detectedLabels().get(entry.getKey().key());
			if (declared != null && !declared.asString().equals(entry.getValue()) && !"*".equals(declared.asString())) {
				return false;
			}
		}
		return true;
	}

	static BigDecimal score(Row row, DiscoveryContext query) {
		BigDecimal raw = new BigDecimal("5.0");
		JsonNode detected = row.detectedLabels();
		for (var flag : query.detectedLabels().flags()) {
			BigDecimal weight = BOOLEAN_WEIGHTS.get(flag.key());
			if (weight != null && isTrue(detected.get(flag.key()))) {
				raw = raw.add(weight);
			}
		}
		if (query.detectedLabels().flags().stream().anyMatch((flag) -> flag.key().equals("gitOpsManaged"))
				&& !isTrue(detected.get("gitOpsManaged"))) {
			raw = raw.subtract(new BigDecimal("0.10"));
		}
		for (var entry : query.detectedLabels().values().entrySet()) {
			String key = entry.getKey().key();
			String wanted = entry.getValue();
			BigDecimal weight = STRING_WEIGHTS.get(key);
			String declared = detected.has(key) ? detected.get(key).asString() : null;
			if ("*".equals(wanted)) {
				if (declared != null && !declared.isEmpty()) {
					raw = raw.add(weight.divide(BigDecimal.TWO));
				}
			}
			else if (STRING_ENUMS.get(key).contains(wanted)) {
				if (wanted.equals(declared)) {
					raw = raw.add(weight);
				}
				else if ("*".equals(declared)) {
					raw = raw.add(weight.divide(BigDecimal.TWO));
				}
				if (key.equals("gitOpsTool") && (declared == null
						|| (!declared.equals(wanted) && !declared.equals("*") && !declared.isEmpty()))) {
					raw = raw.subtract(new BigDecimal("0.10"));
				}
			}
		}
		for (var entry : query.customLabels().entrySet()) {
			List<String> declared = values(row.customLabels().get(entry.getKey()));
			for (String value : entry.getValue()) {
				if (declared.contains(value)) {
					raw = raw.add(new BigDecimal("0.15"));
				}
				else if (declared.contains("*")) {
					raw = raw.add(new BigDecimal("0.075"));
				}
			}
		}
		BigDecimal score = raw.divide(BigDecimal.TEN);
		return (score.compareTo(BigDecimal.ONE) > 0) ? BigDecimal.ONE : score;
	}

	private static boolean labelMatches(JsonNode declared, String wanted) {
		if (wanted == null) {
			return true;
		}
		for (String value : values(declared)) {
			if (value.equals("*") || value.toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
				return true;
			}
		}
		return false;
	}

	private static List<String> values(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node == null) {
			return values;
		}
		if (node.isArray()) {
			node.forEach((element) -> values.add(element.asString()));
		}
		else if (node.isString()) {
			values.add(node.asString());
		}
		return values;
	}

	private static boolean isTrue(JsonNode node) {
		return node != null && (node.isBoolean() ? node.asBoolean() : "true".equals(node.asString()));
	}

}
