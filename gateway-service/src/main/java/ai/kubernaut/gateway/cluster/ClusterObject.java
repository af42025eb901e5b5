package ai.kubernaut.gateway.cluster;

import java.util.LinkedHashMap;
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
 * @param annotations the object's annotations, never {@code null}
 * @param spec the object's {@code spec} as plain JSON values (maps, lists, strings,
 * numbers), never {@code null}; read with {@link #specValue}
 */
public record ClusterObject(ResourceRef ref, Map<String, String> labels, List<Owner> owners,
		Map<String, String> annotations, Map<String, Object> spec) {

	public ClusterObject {
		labels = (labels != null) ? Map.copyOf(labels) : Map.of();
		owners = (owners != null) ? List.copyOf(owners) : List.of();
		annotations = (annotations != null) ? Map.copyOf(annotations) : Map.of();
		spec = (spec != null) ? spec : Map.of();
	}

	public ClusterObject(ResourceRef ref, Map<String, String> labels, List<Owner> owners) {
		this(ref, labels, owners, null, null);
	}

	/**
	 * The value at {@code path} inside {@code spec} (e.g.
	 * {@code "template", "metadata", "labels"}), or {@code null} when any step is absent.
	 */
	public Object specValue(String... path) {
		Object current = this.spec;
		for (String step : path) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(step);
		}
		return current;
	}

	/**
	 * A string map at {@code path} inside {@code spec}, empty when absent.
	 */
	@SuppressWarnings("unchecked")
	public Map<String, String> specStringMap(String... path) {
		Object value = specValue(path);
		if (!(value instanceof Map<?, ?> map)) {
			return Map.of();
		}
		Map<String, String> strings = new LinkedHashMap<>();
		((Map<Object, Object>) map).forEach((key, v) -> {
			if (key != null && v != null) {
				strings.put(key.toString(), v.toString());
			}
		});
		return strings;
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
