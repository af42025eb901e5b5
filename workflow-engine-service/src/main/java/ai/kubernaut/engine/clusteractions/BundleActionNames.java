package ai.kubernaut.engine.clusteractions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Actions of the seed workflows that need more than the Kubernetes API (a database, Git,
 * a profiler, a service mesh), so an operator-supplied image carries them out as a Job:
 * their names and what the image is expected to do. Each is registered as a
 * {@link ai.kubernaut.actions.job.JobBundleAction}; without an image under
 * {@code kubernaut.engine.jobs.bundles.<name>} it is refused at validation.
 */
final class BundleActionNames {

	static final Map<String, String> ALL = describe();

	private BundleActionNames() {
	}

	private static Map<String, String> describe() {
		Map<String, String> all = new LinkedHashMap<>();
		all.put("backup_data", "copies the data or logs named by the parameters to durable storage");
		all.put("create_heap_dump", "takes a heap dump of the target's JVM and stores it");
		all.put("update_git_manifests", "commits the change to the GitOps repository (or opens a pull request)");
		all.put("failover_database", "promotes a replica of the target database");
		all.put("repair_database", "runs the database's repair or consistency tooling");
		all.put("compact_storage", "compacts the target's storage (e.g. etcd defrag)");
		all.put("update_network_policy", "changes a NetworkPolicy as the parameters describe");
		all.put("restart_network", "restarts the node's or namespace's network components");
		all.put("reset_service_mesh", "resets the service-mesh sidecars or configuration of the target");
		all.put("rotate_secrets", "rotates the credentials named by the parameters");
		all.put("audit_logs", "collects and ships audit logs for the target");
		all.put("correlate_alerts", "correlates the alerts named by the parameters and reports a root cause");
		return Collections.unmodifiableMap(all);
	}

}
