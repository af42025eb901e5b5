package ai.kubernaut.actions.node;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The PodDisruptionBudgets that cover a pod, read once per namespace per drain round so
 * that their status (disruptions allowed) is fresh on every round.
 */
final class DisruptionBudgets {

	private final KubernetesClient client;

	private final Map<String, List<PodDisruptionBudget>> byNamespace = new HashMap<>();

	DisruptionBudgets(KubernetesClient client) {
		this.client = client;
	}

	List<PodDisruptionBudget> covering(Pod pod) {
		String namespace = pod.getMetadata().getNamespace();
		Map<String, String> labels = (pod.getMetadata().getLabels() != null) ? pod.getMetadata().getLabels() : Map.of();
		return this.byNamespace
			.computeIfAbsent(namespace,
					(ns) -> this.client.policy().v1().podDisruptionBudget().inNamespace(ns).list().getItems())
			.stream()
			.filter((budget) -> budget.getSpec() != null && matches(budget.getSpec().getSelector(), labels))
			.toList();
	}

	/**
	 * Disruptions the budget's status allows, or {@code null} when the disruption
	 * controller has not written a status (the API server still enforces the budget on
	 * eviction).
	 */
	static Integer allowed(PodDisruptionBudget budget) {
		return (budget.getStatus() != null) ? budget.getStatus().getDisruptionsAllowed() : null;
	}

	static String describe(PodDisruptionBudget budget) {
		Integer allowed = allowed(budget);
		return "PodDisruptionBudget " + budget.getMetadata().getNamespace() + "/" + budget.getMetadata().getName()
				+ ((allowed != null) ? " (allows " + allowed + " disruption" + ((allowed == 1) ? "" : "s") + ")" : "");
	}

	/**
	 * A PDB's selector semantics: an empty selector matches every pod of the namespace
	 * (policy/v1), a null one none.
	 */
	static boolean matches(LabelSelector selector, Map<String, String> labels) {
		if (selector == null) {
			return false;
		}
		if (selector.getMatchLabels() != null) {
			for (Map.Entry<String, String> entry : selector.getMatchLabels().entrySet()) {
				if (!entry.getValue().equals(labels.get(entry.getKey()))) {
					return false;
				}
			}
		}
		if (selector.getMatchExpressions() != null) {
			for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
				String value = labels.get(requirement.getKey());
				List<String> values = (requirement.getValues() != null) ? requirement.getValues() : List.of();
				boolean ok = switch (requirement.getOperator()) {
					case "In" -> value != null && values.contains(value);
					case "NotIn" -> value == null || !values.contains(value);
					case "Exists" -> value != null;
					case "DoesNotExist" -> value == null;
					default -> false;
				};
				if (!ok) {
					return false;
				}
			}
		}
		return true;
	}

}
