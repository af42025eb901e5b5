package ai.kubernaut.engine.catalog;

import java.util.Map;

/**
 * The catalog's {@code component} label for a target kind: the GVK string
 * ({@code apps/v1/Deployment}, {@code v1/Pod}) workflows declare in
 * {@code labels.component}.
 */
public final class Components {

	private static final Map<String, String> API_VERSIONS = Map.ofEntries(Map.entry("Deployment", "apps/v1"),
			Map.entry("StatefulSet", "apps/v1"), Map.entry("DaemonSet", "apps/v1"), Map.entry("ReplicaSet", "apps/v1"),
			Map.entry("Pod", "v1"), Map.entry("Node", "v1"), Map.entry("Service", "v1"),
			Map.entry("PersistentVolumeClaim", "v1"), Map.entry("ConfigMap", "v1"), Map.entry("Secret", "v1"),
			Map.entry("Namespace", "v1"), Map.entry("Job", "batch/v1"), Map.entry("CronJob", "batch/v1"),
			Map.entry("HorizontalPodAutoscaler", "autoscaling/v2"), Map.entry("PodDisruptionBudget", "policy/v1"),
			Map.entry("NetworkPolicy", "networking.k8s.io/v1"), Map.entry("Ingress", "networking.k8s.io/v1"));

	private Components() {
	}

	/**
	 * The GVK string of {@code kind}; a kind outside the built-in table (a custom
	 * resource) is passed on as is, which matches only workflows that name it the same
	 * way or use {@code *}.
	 */
	public static String of(String kind) {
		String apiVersion = API_VERSIONS.get(kind);
		return (apiVersion != null) ? apiVersion + "/" + kind : kind;
	}

}
