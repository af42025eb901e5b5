package ai.kubernaut.gateway.cluster;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Read-only view of the cluster, as narrow as the gateway needs: fetch one namespaced
 * object, and a namespace's labels. The gateway never writes to the cluster.
 *
 * <p>
 * Every method throws {@link ClusterUnavailableException} when the API server cannot
 * answer (unreachable, timeout, 5xx, or RBAC denies the read); "absent" is an empty
 * result, never an exception.
 */
public interface ClusterReader {

	/**
	 * Kinds without a namespace; their {@link ai.kubernaut.contracts.signal.ResourceRef}
	 * has an empty namespace and {@link #find} ignores the namespace argument.
	 */
	Set<String> CLUSTER_SCOPED_KINDS = Set.of("Node");

	static boolean clusterScoped(String kind) {
		return CLUSTER_SCOPED_KINDS.contains(kind);
	}

	/**
	 * Whether {@link #find} knows how to read objects of {@code kind} (e.g.
	 * {@code Deployment}). Owner chains can lead to kinds the gateway does not read, such
	 * as a custom resource; resolution stops there.
	 */
	boolean canRead(String kind);

	/**
	 * The object {@code kind} {@code namespace}/{@code name} ({@code namespace} ignored
	 * for a cluster-scoped kind), or empty when it does not exist.
	 * @throws IllegalArgumentException when {@link #canRead} is false for {@code kind}
	 */
	Optional<ClusterObject> find(String kind, String namespace, String name);

	/**
	 * Every object of {@code kind} in {@code namespace} (e.g. its PodDisruptionBudgets).
	 * @throws IllegalArgumentException when {@link #canRead} is false for {@code kind}
	 */
	List<ClusterObject> list(String kind, String namespace);

	/**
	 * The labels of {@code namespace}, or empty when the namespace does not exist.
	 */
	Optional<Map<String, String>> namespaceLabels(String namespace);

}
