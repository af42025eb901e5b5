package ai.kubernaut.gateway.owner;

import java.util.Map;

import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.gateway.cluster.ClusterObject;
import ai.kubernaut.gateway.cluster.ClusterReader;

/**
 * The workload an alert is about, owner-resolved.
 *
 * @param owner the top-level owner, e.g. the Deployment of the alerting Pod; what gets
 * remediated and fingerprinted
 * @param ownerLabels the owner's labels; empty when the owner could not be read (a kind
 * the gateway does not read)
 * @param namespaceLabels the labels of the owner's namespace; empty for a cluster-scoped
 * owner
 * @param alerting the object the alert named and that was found, e.g. the Pod
 * @param ownerObject the owner as read, {@code null} when it is known only by reference
 */
public record ResolvedTarget(ResourceRef owner, Map<String, String> ownerLabels, Map<String, String> namespaceLabels,
		ResourceRef alerting, ClusterObject ownerObject) implements TargetResolution {

	/** The opt-in label of Kubernaut's scope model. */
	public static final String MANAGED_LABEL = "kubernaut.ai/managed";

	public ResolvedTarget {
		ownerLabels = (ownerLabels != null) ? Map.copyOf(ownerLabels) : Map.of();
		namespaceLabels = (namespaceLabels != null) ? Map.copyOf(namespaceLabels) : Map.of();
	}

	public ResolvedTarget(ResourceRef owner, Map<String, String> ownerLabels, Map<String, String> namespaceLabels,
			ResourceRef alerting) {
		this(owner, ownerLabels, namespaceLabels, alerting, null);
	}

	/**
	 * The labels that place the owner in its context: its namespace's labels, or, for a
	 * cluster-scoped owner such as a Node, its own labels. Environment and custom labels
	 * are read from these ({@code kubernaut.ai/environment},
	 * {@code kubernaut.ai/label-<key>}).
	 */
	public Map<String, String> scopeLabels() {
		return ClusterReader.clusterScoped(this.owner.kind()) ? this.ownerLabels : this.namespaceLabels;
	}

	/**
	 * Whether Kubernaut may act on the owner. Its own {@code kubernaut.ai/managed} label
	 * decides when present (so a workload can opt out of a managed namespace, or opt in
	 * alone); otherwise its namespace's does; without either it is unmanaged.
	 */
	public boolean managed() {
		String own = this.ownerLabels.get(MANAGED_LABEL);
		if (own != null) {
			return "true".equals(own);
		}
		return "true".equals(this.namespaceLabels.get(MANAGED_LABEL));
	}

}
