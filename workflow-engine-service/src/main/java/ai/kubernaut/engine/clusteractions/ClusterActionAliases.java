package ai.kubernaut.engine.clusteractions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.kubernaut.actions.ActionAlias;

/**
 * The action names Kubernaut's recommendations and the seed workflows use, as aliases of
 * the native actions. Give them to the {@link ai.kubernaut.actions.ActionRegistry}
 * together with the actions.
 * <p>
 * Where a recommendation names its target with lower-case parameters ({@code deployment},
 * {@code statefulset}, {@code namespace}, {@code pod}), the aliases turn them into the
 * {@code TARGET_RESOURCE_*} / {@code POD_NAME} parameters the native actions read, unless
 * those are already given.
 *
 * @param aliases every alias, in the order documented
 */
public record ClusterActionAliases(List<ActionAlias> aliases) {

	/**
	 * The alias table; see {@code docs/actions-cluster.md}.
	 */
	public static ClusterActionAliases all() {
		return new ClusterActionAliases(List.of(
				new ActionAlias("restart_pod",
						"rolling restart of the workload when strategy is rolling/one-at-a-time or the target is a "
								+ "workload; delete_pod when the target is a Pod or POD_NAME is given",
						ClusterActionAliases::restartPod, ClusterActionAliases::fromSeed),
				new ActionAlias("rolling_restart_pods", "restart_deployment, or restart_statefulset for a StatefulSet",
						ClusterActionAliases::rollingRestart, ClusterActionAliases::fromSeed),
				new ActionAlias("rolling_restart", "same as rolling_restart_pods", ClusterActionAliases::rollingRestart,
						ClusterActionAliases::fromSeed),
				new ActionAlias("notify_only", "notify; the subject defaults to one naming the step's project/type",
						(parameters) -> "notify", ClusterActionAliases::notification),
				new ActionAlias("verify_recovery", "health_check", (parameters) -> "health_check",
						ClusterActionAliases::fromSeed),
				new ActionAlias("cleanup_storage", "cleanup_pvc", (parameters) -> "cleanup_pvc",
						ClusterActionAliases::fromSeed),
				new ActionAlias("migrate_workload", "drain_node: evicting moves the pods to other nodes",
						(parameters) -> "drain_node", null),
				new ActionAlias("get_resource", "collect_diagnostics", (parameters) -> "collect_diagnostics",
						ClusterActionAliases::fromSeed),
				new ActionAlias("increase_memory", "increase_resources", (parameters) -> "increase_resources",
						ClusterActionAliases::fromSeed),
				new ActionAlias("silence_correlated_alerts", "silence_alerts", (parameters) -> "silence_alerts",
						null)));
	}

	private static String restartPod(Map<String, Object> parameters) {
		String strategy = text(parameters.get("strategy")).toLowerCase(Locale.ROOT);
		String kind = text(parameters.get("TARGET_RESOURCE_KIND"));
		boolean rolling = strategy.equals("rolling") || strategy.equals("one-at-a-time");
		if (!rolling && ("pod".equalsIgnoreCase(kind) || !text(parameters.get("POD_NAME")).isEmpty())) {
			return "delete_pod";
		}
		return rollingRestart(parameters);
	}

	private static String rollingRestart(Map<String, Object> parameters) {
		return "statefulset".equalsIgnoreCase(text(parameters.get("TARGET_RESOURCE_KIND"))) ? "restart_statefulset"
				: "restart_deployment";
	}

	/**
	 * {@code deployment: x} / {@code statefulset: x} / {@code namespace: y} /
	 * {@code pod: z} as the native parameters, when the native ones are absent.
	 */
	static Map<String, Object> fromSeed(Map<String, Object> parameters) {
		Map<String, Object> translated = new LinkedHashMap<>(parameters);
		if (text(parameters.get("TARGET_RESOURCE_NAME")).isEmpty()) {
			for (String kind : List.of("Deployment", "StatefulSet", "DaemonSet")) {
				String name = text(parameters.get(kind.toLowerCase(Locale.ROOT)));
				if (!name.isEmpty()) {
					translated.put("TARGET_RESOURCE_KIND", kind);
					translated.put("TARGET_RESOURCE_NAME", name);
					break;
				}
			}
		}
		if (text(parameters.get("TARGET_RESOURCE_NAMESPACE")).isEmpty()
				&& !text(parameters.get("namespace")).isEmpty()) {
			translated.put("TARGET_RESOURCE_NAMESPACE", text(parameters.get("namespace")));
		}
		if (text(parameters.get("POD_NAME")).isEmpty() && !text(parameters.get("pod")).isEmpty()) {
			translated.put("POD_NAME", text(parameters.get("pod")));
		}
		return translated;
	}

	private static Map<String, Object> notification(Map<String, Object> parameters) {
		Map<String, Object> translated = new LinkedHashMap<>(parameters);
		if (text(parameters.get("subject")).isEmpty()) {
			String about = String.join(" ",
					List.of(text(parameters.get("type")), text(parameters.get("project")))
						.stream()
						.filter((part) -> !part.isEmpty())
						.toList());
			translated.put("subject", "Remediation follow-up" + (about.isEmpty() ? "" : ": " + about));
			translated.putIfAbsent("body", "Step parameters: " + parameters);
		}
		if (text(parameters.get("severity")).isEmpty() && !text(parameters.get("priority")).isEmpty()) {
			translated.put("severity", "high".equalsIgnoreCase(text(parameters.get("priority"))) ? "warning" : "info");
		}
		return translated;
	}

	private static String text(Object value) {
		return (value != null) ? value.toString().trim() : "";
	}

}
