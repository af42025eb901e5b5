package ai.kubernaut.gateway.owner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.gateway.cluster.ClusterObject;
import ai.kubernaut.gateway.cluster.ClusterReader;

/**
 * A {@link ClusterReader} over objects held in memory, reading the same kinds as the
 * fabric8 one.
 */
final class InMemoryCluster implements ClusterReader {

	private static final Set<String> READABLE = Set.of("Pod", "ReplicaSet", "Deployment", "StatefulSet", "DaemonSet",
			"Job", "CronJob");

	private final Map<String, ClusterObject> objects = new HashMap<>();

	private final Map<String, Map<String, String>> namespaces = new HashMap<>();

	InMemoryCluster namespace(String name, Map<String, String> labels) {
		this.namespaces.put(name, labels);
		return this;
	}

	InMemoryCluster object(String kind, String namespace, String name, Map<String, String> labels,
			ClusterObject.Owner... owners) {
		this.objects.put(key(kind, namespace, name),
				new ClusterObject(new ResourceRef(kind, namespace, name), labels, List.of(owners)));
		return this;
	}

	static ClusterObject.Owner controller(String kind, String name) {
		return new ClusterObject.Owner("apps/v1", kind, name, true);
	}

	@Override
	public boolean canRead(String kind) {
		return READABLE.contains(kind);
	}

	@Override
	public Optional<ClusterObject> find(String kind, String namespace, String name) {
		if (!canRead(kind)) {
			throw new IllegalArgumentException("Not readable: " + kind);
		}
		return Optional.ofNullable(this.objects.get(key(kind, namespace, name)));
	}

	@Override
	public List<ClusterObject> list(String kind, String namespace) {
		return this.objects.values()
			.stream()
			.filter((object) -> object.ref().kind().equals(kind) && object.ref().namespace().equals(namespace))
			.toList();
	}

	@Override
	public Optional<Map<String, String>> namespaceLabels(String namespace) {
		return Optional.ofNullable(this.namespaces.get(namespace));
	}

	private static String key(String kind, String namespace, String name) {
		return kind + "/" + namespace + "/" + name;
	}

}
