package ai.kubernaut.gateway.owner;

import java.util.Optional;

import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.gateway.cluster.ClusterObject;
import ai.kubernaut.gateway.cluster.ClusterReader;

/**
 * Follows controller ownerReferences up to the top-level owner (Pod → ReplicaSet →
 * Deployment, Pod → StatefulSet, Pod → Job → CronJob), the way Kubernaut's gateway does:
 * only controller references count, at most {@value #MAX_DEPTH} steps, and an owner that
 * cannot be read (absent, or a kind the gateway does not read, such as a custom resource)
 * ends the walk as the top-level owner, known by its reference alone.
 */
class OwnerResolver {

	static final int MAX_DEPTH = 5;

	private final ClusterReader cluster;

	OwnerResolver(ClusterReader cluster) {
		this.cluster = cluster;
	}

	TopLevelOwner topLevelOwner(ClusterObject object) {
		ClusterObject current = object;
		for (int depth = 0; depth < MAX_DEPTH; depth++) {
			Optional<ClusterObject.Owner> controller = current.owners()
				.stream()
				.filter(ClusterObject.Owner::controller)
				.findFirst();
			if (controller.isEmpty()) {
				break;
			}
			ResourceRef ownerRef = new ResourceRef(controller.get().kind(), current.ref().namespace(),
					controller.get().name());
			Optional<ClusterObject> owner = this.cluster.canRead(ownerRef.kind())
					? this.cluster.find(ownerRef.kind(), ownerRef.namespace(), ownerRef.name()) : Optional.empty();
			if (owner.isEmpty()) {
				return new TopLevelOwner(ownerRef, null);
			}
			current = owner.get();
		}
		return new TopLevelOwner(current.ref(), current);
	}

	/**
	 * @param object the owner as read, {@code null} when it is known only by reference
	 */
	record TopLevelOwner(ResourceRef ref, ClusterObject object) {
	}

}
