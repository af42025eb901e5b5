package ai.kubernaut.engine.cluster;

import ai.kubernaut.contracts.signal.ResourceRef;

/**
 * The object an operation targets does not exist (any more).
 */
public class ClusterObjectNotFoundException extends ClusterOperationException {

	public ClusterObjectNotFoundException(ResourceRef ref) {
		super(ref.kind() + " " + (ref.namespace().isEmpty() ? "" : ref.namespace() + "/") + ref.name()
				+ " does not exist");
	}

}
