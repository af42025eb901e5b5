package ai.kubernaut.actions.workload;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;

/**
 * Label selector matching, as the API server does it.
 */
final class Selectors {

	private Selectors() {
	}

	/**
	 * Whether {@code selector} selects {@code labels}. An empty or absent selector
	 * selects nothing here: a PDB or Service selecting everything is not one that names
	 * the target.
	 */
	static boolean matches(LabelSelector selector, Map<String, String> labels) {
		if (selector == null || (isEmpty(selector.getMatchLabels()) && isEmpty(selector.getMatchExpressions()))) {
			return false;
		}
		return matches(selector.getMatchLabels(), labels) && (selector.getMatchExpressions() == null
				|| selector.getMatchExpressions().stream().allMatch((req) -> matches(req, labels)));
	}

	/**
	 * Whether every pair of a Service-style selector is among {@code labels}; an empty
	 * selector selects nothing.
	 */
	static boolean matches(Map<String, String> selector, Map<String, String> labels) {
		if (selector == null || selector.isEmpty()) {
			return true;
		}
		return labels != null && selector.entrySet()
			.stream()
			.allMatch((entry) -> entry.getValue().equals(labels.get(entry.getKey())));
	}

	private static boolean matches(LabelSelectorRequirement requirement, Map<String, String> labels) {
		String value = (labels != null) ? labels.get(requirement.getKey()) : null;
		List<String> values = (requirement.getValues() != null) ? requirement.getValues() : List.of();
		return switch (requirement.getOperator()) {
			case "In" -> value != null && values.contains(value);
			case "NotIn" -> value == null || !values.contains(value);
			case "Exists" -> value != null;
			case "DoesNotExist" -> value == null;
			default -> false;
		};
	}

	private static boolean isEmpty(Map<?, ?> map) {
		return map == null || map.isEmpty();
	}

	private static boolean isEmpty(List<?> list) {
		return list == null || list.isEmpty();
	}

}
