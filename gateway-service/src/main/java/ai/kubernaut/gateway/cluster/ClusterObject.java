package ai.kubernaut.gateway.cluster;

import java.util.List;
import java.util.Map;

import ai.kubernaut.contracts.signal.ResourceRef;

/**
 * What the gateway needs to know about a Kubernetes object: where it is, its labels and
 * who owns it.
 *
 * @param ref kind, namespace and name
 * @param labels the object's labels, never {@code null}
 * @param owners the object's ownerReferences in the order the API returned them, never
 * {@code null}
 */
public record ClusterObject(ResourceRef ref, Map<String, String> labels, List<Owner> owners) {

	public ClusterObject {
		labels = (labels != null) ? Map.copyOf(labels) : Map.of();
		owners = (owners != null) ? List.copyOf(owners) : List.of();
	}

	/**
	 * One ownerReference.
	 *
	 * @param controller whether this owner is the managing controller; Kubernetes allows
	 * at most one
	 */
	public record Owner(String apiVersion, String kind, String name, boolean controller) {
	}

}
