package ai.kubernaut.engine.remediation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntUnaryOperator;

import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.engine.cluster.ClusterObjectNotFoundException;
import ai.kubernaut.engine.cluster.ClusterOperations;
import ai.kubernaut.engine.cluster.ScaleResult;

/**
 * Deployments as a map of replica counts.
 */
class FakeCluster implements ClusterOperations {

	private final Map<ResourceRef, Integer> replicas = new ConcurrentHashMap<>();

	FakeCluster deployment(String namespace, String name, int replicas) {
		this.replicas.put(new ResourceRef("Deployment", namespace, name), replicas);
		return this;
	}

	int replicas(String namespace, String name) {
		return this.replicas.get(new ResourceRef("Deployment", namespace, name));
	}

	@Override
	public ScaleResult scaleDeployment(ResourceRef deployment, IntUnaryOperator change) {
		Integer before = this.replicas.get(deployment);
		if (before == null) {
			throw new ClusterObjectNotFoundException(deployment);
		}
		int after = change.applyAsInt(before);
		this.replicas.put(deployment, after);
		return new ScaleResult(before, after);
	}

}
