package ai.kubernaut.gateway.cluster;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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
	 * Whether {@link #find} knows how to read objects of {@code kind} (e.g.
	 * {@code Deployment}). Owner chains can lead to kinds the gateway does not read, such
	 * as a custom resource; resolution stops there.
	 */
	boolean canRead(String kind);

	/**
	 * The object {@code kind} {@code namespace}/{@code name}, or empty when it does not
	 * exist.
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
