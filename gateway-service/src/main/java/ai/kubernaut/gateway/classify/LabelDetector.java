package ai.kubernaut.gateway.classify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.gateway.cluster.ClusterObject;
import ai.kubernaut.gateway.cluster.ClusterReader;
import ai.kubernaut.gateway.owner.ResolvedTarget;

/**
 * Detects, from the cluster, the facts about a workload that Kubernaut's catalog scores
 * on: {@code gitOpsManaged}/{@code gitOpsTool}, {@code helmManaged},
 * {@code pdbProtected}, {@code hpaEnabled}, {@code stateful}, {@code networkIsolated} and
 * {@code serviceMesh}. Nothing is detected for a Node. Only what is detected is reported
 * (true booleans and non-empty strings), so the catalog never sees a guessed
 * {@code false}.
 *
 * <p>
 * The pods a PodDisruptionBudget or NetworkPolicy must select are recognised by the
 * owner's pod template labels, as the controllers' own selectors would match them. Throws
 * {@link ai.kubernaut.gateway.cluster.ClusterUnavailableException} when the API cannot
 * answer.
 */
public class LabelDetector {

	/** Every detected label and its "not detected" value, for CEL. */
	public static final Map<String, Object> NOT_DETECTED = Map.of("gitOpsManaged", false, "gitOpsTool", "",
			"helmManaged", false, "pdbProtected", false, "hpaEnabled", false, "stateful", false, "networkIsolated",
			false, "serviceMesh", "");

	private static final Set<String> ARGO_KEYS = Set.of("argocd.argoproj.io/tracking-id",
			"argocd.argoproj.io/instance");

	private static final Set<String> FLUX_KEYS = Set.of("kustomize.toolkit.fluxcd.io/name",
			"helm.toolkit.fluxcd.io/name", "fluxcd.io/sync-gc-mark");

	private final ClusterReader cluster;

	public LabelDetector(ClusterReader cluster) {
		this.cluster = cluster;
	}

	public Map<String, Object> detect(ResolvedTarget target) {
		Map<String, Object> detected = new LinkedHashMap<>();
		if (ClusterReader.clusterScoped(target.owner().kind())) {
			// Every detected label describes a workload and its pods (PDBs, HPAs and
			// NetworkPolicies select pods; GitOps and Helm manage workloads); a Node has
			// none of them, and reporting false would be a guess.
			return detected;
		}
		ClusterObject owner = target.ownerObject();
		Map<String, String> labels = target.ownerLabels();
		Map<String, String> annotations = (owner != null) ? owner.annotations() : Map.of();
		Map<String, String> podLabels = podLabels(owner);
		Map<String, String> podAnnotations = (owner != null)
				? owner.specStringMap("template", "metadata", "annotations") : Map.of();
		Map<String, String> namespaceLabels = target.namespaceLabels();

		String gitOpsTool = gitOpsTool(labels, annotations, namespaceLabels);
		if (gitOpsTool != null) {
			detected.put("gitOpsManaged", true);
			detected.put("gitOpsTool", gitOpsTool);
		}
		if ("helm".equalsIgnoreCase(labels.getOrDefault("app.kubernetes.io/managed-by", ""))
				|| annotations.containsKey("meta.helm.sh/release-name")) {
			detected.put("helmManaged", true);
		}
		String namespace = target.owner().namespace();
		if (!podLabels.isEmpty()
				&& anySelects(this.cluster.list("PodDisruptionBudget", namespace), podLabels, "selector")) {
			detected.put("pdbProtected", true);
		}
		if (hpaTargets(this.cluster.list("HorizontalPodAutoscaler", namespace), target.owner())) {
			detected.put("hpaEnabled", true);
		}
		if ("StatefulSet".equals(target.owner().kind())) {
			detected.put("stateful", true);
		}
		if (anySelects(this.cluster.list("NetworkPolicy", namespace), podLabels, "podSelector")) {
			detected.put("networkIsolated", true);
		}
		String mesh = serviceMesh(namespaceLabels, podAnnotations);
		if (mesh != null) {
			detected.put("serviceMesh", mesh);
		}
		return detected;
	}

	/** {@code detected} completed with the "not detected" values, for CEL. */
	public static Map<String, Object> withDefaults(Map<String, Object> detected) {
		Map<String, Object> all = new LinkedHashMap<>(NOT_DETECTED);
		all.putAll(detected);
		return all;
	}

	static Map<String, String> podLabels(ClusterObject owner) {
		if (owner == null) {
			return Map.of();
		}
		if ("Pod".equals(owner.ref().kind())) {
			return owner.labels();
		}
		return owner.specStringMap("template", "metadata", "labels");
	}

	private static String gitOpsTool(Map<String, String> labels, Map<String, String> annotations,
			Map<String, String> namespaceLabels) {
		for (Map<String, String> map : List.of(annotations, labels, namespaceLabels)) {
			if (ARGO_KEYS.stream().anyMatch(map::containsKey)) {
				return "argocd";
			}
			if (FLUX_KEYS.stream().anyMatch(map::containsKey)) {
				return "flux";
			}
		}
		return null;
	}

	private static boolean hpaTargets(List<ClusterObject> autoscalers, ResourceRef owner) {
		return autoscalers.stream().anyMatch((hpa) -> {
			Map<String, String> ref = hpa.specStringMap("scaleTargetRef");
			return owner.kind().equals(ref.get("kind")) && owner.name().equals(ref.get("name"));
		});
	}

	private static boolean anySelects(List<ClusterObject> objects, Map<String, String> podLabels, String field) {
		return objects.stream().anyMatch((object) -> {
			Object selector = object.specValue(field);
			return selector instanceof Map<?, ?> map && LabelSelector.of(map).matches(podLabels);
		});
	}

	private static String serviceMesh(Map<String, String> namespaceLabels, Map<String, String> podAnnotations) {
		if ("enabled".equals(namespaceLabels.get("istio-injection")) || namespaceLabels.containsKey("istio.io/rev")
				|| "true".equals(podAnnotations.get("sidecar.istio.io/inject"))) {
			return "istio";
		}
		if ("enabled".equals(namespaceLabels.get("linkerd.io/inject"))
				|| "enabled".equals(podAnnotations.get("linkerd.io/inject"))) {
			return "linkerd";
		}
		return null;
	}

	/**
	 * A Kubernetes label selector: all {@code matchLabels} and all
	 * {@code matchExpressions} must hold; an empty selector selects every pod (as a
	 * NetworkPolicy's {@code podSelector: {}} does).
	 */
	record LabelSelector(Map<String, String> matchLabels, List<Map<String, Object>> matchExpressions) {

		@SuppressWarnings("unchecked")
		static LabelSelector of(Map<?, ?> selector) {
			Map<String, String> labels = new LinkedHashMap<>();
			if (selector.get("matchLabels") instanceof Map<?, ?> map) {
				map.forEach((key, value) -> labels.put(String.valueOf(key), String.valueOf(value)));
			}
			List<Map<String, Object>> expressions = (selector.get("matchExpressions") instanceof List<?> list)
					? (List<Map<String, Object>>) list : List.of();
			return new LabelSelector(labels, expressions);
		}

		boolean matches(Map<String, String> labels) {
			for (Map.Entry<String, String> required : this.matchLabels.entrySet()) {
				if (!required.getValue().equals(labels.get(required.getKey()))) {
					return false;
				}
			}
			for (Map<String, Object> expression : this.matchExpressions) {
				String key = String.valueOf(expression.get("key"));
				String operator = String.valueOf(expression.get("operator")).toLowerCase(Locale.ROOT);
				List<?> values = (expression.get("values") instanceof List<?> list) ? list : List.of();
				boolean holds = switch (operator) {
					case "in" -> labels.containsKey(key) && values.contains(labels.get(key));
					case "notin" -> !labels.containsKey(key) || !values.contains(labels.get(key));
					case "exists" -> labels.containsKey(key);
					case "doesnotexist" -> !labels.containsKey(key);
					default -> false;
				};
				if (!holds) {
					return false;
				}
			}
			return true;
		}

	}

}
