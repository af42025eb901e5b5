package ai.kubernaut.engine.nativecatalog;

import java.util.Map;
import java.util.Set;

/**
 * The engine's actions (module remediation-actions, and the engine's own {@code wait} and
 * {@code notify}) with the parameters each declares required besides
 * {@code TARGET_RESOURCE_*}, for the tests that run without a Spring context.
 * {@code NativeCatalogActionsTest} checks it against the engine's {@code ActionRegistry},
 * so it cannot drift unnoticed.
 */
final class NativeCatalogActions {

	static final Map<String, Set<String>> REQUIRED_PARAMETERS = Map.ofEntries(
			Map.entry("scale_deployment", Set.of("SCALE_REPLICAS")),
			Map.entry("scale_statefulset", Set.of("SCALE_REPLICAS")), Map.entry("restart_deployment", Set.of()),
			Map.entry("restart_statefulset", Set.of()), Map.entry("increase_resources", Set.of()),
			Map.entry("rollback_deployment", Set.of()), Map.entry("update_hpa", Set.of()),
			Map.entry("relax_pdb", Set.of()), Map.entry("patch_config_map", Set.of("CONFIG_MAP_NAME")),
			Map.entry("enable_debug_mode", Set.of()), Map.entry("quarantine_pod", Set.of()),
			Map.entry("expand_pvc", Set.of()), Map.entry("restore_snapshot", Set.of()),
			Map.entry("drain_node", Set.of()), Map.entry("cordon_node", Set.of()), Map.entry("uncordon_node", Set.of()),
			Map.entry("remove_taint", Set.of("TAINT_KEY")), Map.entry("delete_pod", Set.of()),
			Map.entry("cleanup_pvc", Set.of()), Map.entry("wait_for_rollout", Set.of()),
			Map.entry("health_check", Set.of()), Map.entry("collect_diagnostics", Set.of()),
			Map.entry("silence_alerts", Set.of()), Map.entry("run_job", Set.of("IMAGE")),
			Map.entry("wait", Set.of("duration")), Map.entry("notify", Set.of("subject")));

	private NativeCatalogActions() {
	}

}
