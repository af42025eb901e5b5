package ai.kubernaut.gateway.owner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.gateway.cluster.ClusterObject;
import ai.kubernaut.gateway.cluster.ClusterReader;

/**
 * Finds the workload an alert is about: the first of its candidate objects that exists in
 * the cluster, resolved to its top-level owner, with the labels the scope gate and the
 * classifier need.
 *
 * <p>
 * Throws {@link ai.kubernaut.gateway.cluster.ClusterUnavailableException} when the API
 * server cannot answer; absence is a {@link TargetNotFound}, never an exception.
 */
public class TargetResolver {

	private final ClusterReader cluster;

	private final OwnerResolver owners;

	public TargetResolver(ClusterReader cluster) {
		this.cluster = cluster;
		this.owners = new OwnerResolver(cluster);
	}

	/**
	 * @param candidates the objects the alert names, most specific workload first
	 */
	public TargetResolution resolve(List<ResourceRef> candidates) {
		List<String> lookedUp = new ArrayList<>();
		for (ResourceRef candidate : candidates) {
			if (!this.cluster.canRead(candidate.kind())) {
				continue;
			}
			lookedUp.add(candidate.kind() + " " + (candidate.namespace().isEmpty() ? "" : candidate.namespace() + "/")
					+ candidate.name());
			Optional<ClusterObject> found = this.cluster.find(candidate.kind(), candidate.namespace(),
					candidate.name());
			if (found.isPresent()) {
				OwnerResolver.TopLevelOwner owner = this.owners.topLevelOwner(found.get());
				Map<String, String> ownerLabels = (owner.object() != null) ? owner.object().labels() : Map.of();
				// A Node has no namespace: its own labels are its scope (see
				// ResolvedTarget).
				Map<String, String> namespaceLabels = ClusterReader.clusterScoped(owner.ref().kind()) ? Map.of()
						: this.cluster.namespaceLabels(owner.ref().namespace()).orElse(Map.of());
				return new ResolvedTarget(owner.ref(), ownerLabels, namespaceLabels, candidate, owner.object());
			}
		}
		return new TargetNotFound(lookedUp);
	}

}
