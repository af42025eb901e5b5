package ai.kubernaut.gateway.owner;

import java.util.List;

/**
 * None of the alert's candidate objects exists, or the alert names none.
 *
 * @param lookedUp each object looked up, e.g. {@code Deployment demo-shop/checkout};
 * empty when the alert carries no label that names a workload
 */
public record TargetNotFound(List<String> lookedUp) implements TargetResolution {

	public TargetNotFound {
		lookedUp = List.copyOf(lookedUp);
	}

	public String detail() {
		if (this.lookedUp.isEmpty()) {
			return "The alert names no workload: it needs a deployment, statefulset, daemonset or pod label.";
		}
		return "None of the objects the alert names exists in the cluster: looked up "
				+ String.join(", ", this.lookedUp) + ".";
	}

}
