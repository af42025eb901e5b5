package ai.kubernaut.engine.cluster;

import java.util.function.IntUnaryOperator;

import ai.kubernaut.contracts.signal.ResourceRef;

/**
 * The changes the engine makes to a cluster, and nothing else. Implementations talk to
 * the Kubernetes API; tests use a fake.
 * <p>
 * Every operation is idempotent with respect to its outcome: repeating it against the
 * state it produced changes nothing.
 */
public interface ClusterOperations {

	/**
	 * Sets a Deployment's replica count to {@code replicas} applied to its current count,
	 * read from the cluster just before the write. The write is conditional on that read,
	 * and retried on a conflict, so a concurrent change is never overwritten with a stale
	 * computation. No write happens when the count would not change.
	 * @param deployment kind {@code Deployment}
	 * @throws ClusterObjectNotFoundException if the Deployment does not exist
	 * @throws ClusterOperationException if the API refuses or fails
	 */
	ScaleResult scaleDeployment(ResourceRef deployment, IntUnaryOperator replicas);

}
