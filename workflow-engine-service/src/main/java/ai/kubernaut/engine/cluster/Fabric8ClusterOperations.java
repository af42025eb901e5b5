package ai.kubernaut.engine.cluster;

import java.net.HttpURLConnection;
import java.util.function.IntUnaryOperator;

import ai.kubernaut.contracts.signal.ResourceRef;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;

/**
 * {@link ClusterOperations} over the fabric8 client. Scales through the {@code scale}
 * subresource, which needs only {@code deployments/scale} permissions and carries its own
 * resourceVersion for conditional writes.
 */
public class Fabric8ClusterOperations implements ClusterOperations {

	static final int MAX_ATTEMPTS = 3;

	private final KubernetesClient client;

	public Fabric8ClusterOperations(KubernetesClient client) {
		this.client = client;
	}

	@Override
	public ScaleResult scaleDeployment(ResourceRef deployment, IntUnaryOperator replicas) {
		if (!"Deployment".equals(deployment.kind())) {
			throw new IllegalArgumentException("scaleDeployment needs a Deployment, got " + deployment);
		}
		RollableScalableResource<Deployment> resource = this.client.apps()
			.deployments()
			.inNamespace(deployment.namespace())
			.withName(deployment.name());
		for (int attempt = 1;; attempt++) {
			Scale current = read(resource, deployment);
			int before = (current.getSpec().getReplicas() != null) ? current.getSpec().getReplicas() : 0;
			int after = replicas.applyAsInt(before);
			if (after == before) {
				return new ScaleResult(before, after);
			}
			Scale desired = new ScaleBuilder(current).editSpec().withReplicas(after).endSpec().build();
			try {
				resource.scale(desired);
				return new ScaleResult(before, after);
			}
			catch (KubernetesClientException ex) {
				if (ex.getCode() == HttpURLConnection.HTTP_CONFLICT && attempt < MAX_ATTEMPTS) {
					continue;
				}
				throw failure("scale", deployment, ex);
			}
		}
	}

	private static Scale read(RollableScalableResource<Deployment> resource, ResourceRef deployment) {
		try {
			Scale scale = resource.scale();
			if (scale == null || scale.getSpec() == null) {
				throw new ClusterObjectNotFoundException(deployment);
			}
			return scale;
		}
		catch (KubernetesClientException ex) {
			throw failure("read the scale of", deployment, ex);
		}
	}

	private static ClusterOperationException failure(String verb, ResourceRef ref, KubernetesClientException ex) {
		if (ex.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
			return new ClusterObjectNotFoundException(ref);
		}
		String reason = (ex.getStatus() != null && ex.getStatus().getMessage() != null) ? ex.getStatus().getMessage()
				: ex.getMessage();
		return new ClusterOperationException("Could not " + verb + " " + ref + ": the Kubernetes API answered "
				+ ((ex.getCode() > 0) ? ex.getCode() + " " : "") + reason, ex);
	}

}
