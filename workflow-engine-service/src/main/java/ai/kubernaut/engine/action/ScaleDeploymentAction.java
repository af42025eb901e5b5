package ai.kubernaut.engine.action;

import ai.kubernaut.actions.RemediationAction;
import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.engine.cluster.ClusterOperations;
import ai.kubernaut.engine.cluster.ScaleResult;

/**
 * Sets the replica count of the Deployment
 * {@code TARGET_RESOURCE_NAMESPACE/TARGET_RESOURCE_NAME}.
 * <p>
 * {@code SCALE_REPLICAS} is absolute ({@code "3"}) or relative ({@code "+1"},
 * {@code "-1"}) to the count read just before writing. The result never goes below 0, and
 * an increase never goes above {@code kubernaut.engine.limits.max-replicas}; a Deployment
 * already above the limit is left as it is rather than shrunk by a request to grow it.
 * Idempotent for absolute counts; a relative change is applied once per execution, so
 * resuming a run must not re-execute a step that succeeded. Touches only the Deployment's
 * {@code scale} subresource.
 */
public class ScaleDeploymentAction implements RemediationAction {

	public static final String NAME = "scale_deployment";

	private final ClusterOperations cluster;

	private final int maxReplicas;

	public ScaleDeploymentAction(ClusterOperations cluster, LimitsProperties limits) {
		this.cluster = cluster;
		this.maxReplicas = limits.maxReplicas();
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<ActionParameter> parameters() {
		return List.of(ActionParameter.required("TARGET_RESOURCE_NAMESPACE", "Namespace of the Deployment"),
				ActionParameter.required("TARGET_RESOURCE_NAME", "Name of the Deployment"),
				ActionParameter.optional("TARGET_RESOURCE_KIND", "Deployment, when given"),
				ActionParameter.required("SCALE_REPLICAS", "Replica count (\"3\") or change (\"+1\", \"-1\")"));
	}

	@Override
	public Map<String, Object> execute(ActionContext context) {
		String kind = context.optional("TARGET_RESOURCE_KIND").orElse("Deployment");
		ResourceRef deployment = new ResourceRef("Deployment", context.require("TARGET_RESOURCE_NAMESPACE"),
				context.require("TARGET_RESOURCE_NAME"));
		if (!"Deployment".equals(kind)) {
			throw new IllegalArgumentException(NAME + " scales Deployments, but the target is a " + kind + " (" + kind
					+ "/" + deployment.namespace() + "/" + deployment.name() + ")");
		}
		ReplicaChange change = ReplicaChange.parse(context.require("SCALE_REPLICAS"));
		int[] requested = new int[1];
		ScaleResult result = this.cluster.scaleDeployment(deployment, (current) -> {
			requested[0] = change.applyTo(current);
			return bound(current, requested[0]);
		});
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("previousReplicas", result.previousReplicas());
		output.put("replicas", result.replicas());
		if (requested[0] != result.replicas()) {
			output.put("requestedReplicas", requested[0]);
			output.put("maxReplicas", this.maxReplicas);
		}
		return output;
	}

	/**
	 * A relative change becomes the absolute count it leads to from the current count, so
	 * a re-driven attempt sets the same count instead of adding again. The count is read
	 * through a scale that keeps it as it is.
	 */
	@Override
	public Map<String, Object> prepare(ActionContext context) {
		ReplicaChange change = ReplicaChange.parse(context.require("SCALE_REPLICAS"));
		if (!change.relative()) {
			return context.parameters();
		}
		ResourceRef deployment = new ResourceRef("Deployment", context.require("TARGET_RESOURCE_NAMESPACE"),
				context.require("TARGET_RESOURCE_NAME"));
		int current = this.cluster.scaleDeployment(deployment, (replicas) -> replicas).replicas();
		Map<String, Object> prepared = new LinkedHashMap<>(context.parameters());
		prepared.put("SCALE_REPLICAS", String.valueOf(change.applyTo(current)));
		return prepared;
	}

	private int bound(int current, int requested) {
		if (requested <= current) {
			return Math.max(0, requested);
		}
		return Math.min(requested, Math.max(current, this.maxReplicas));
	}

}
