package ai.kubernaut.gateway.cluster;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import ai.kubernaut.contracts.signal.ResourceRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * {@link ClusterReader} over fabric8. Objects are read as generic resources through a
 * fixed table of kinds, so no API discovery round trip is needed and adding a kind (a
 * CronJob, an Argo Rollout) is one table entry.
 */
class Fabric8ClusterReader implements ClusterReader {

	private static final Map<String, ResourceDefinitionContext> KINDS = Map.ofEntries(
			entry(kind("", "v1", "Pod", "pods")), entry(kind("apps", "v1", "ReplicaSet", "replicasets")),
			entry(kind("apps", "v1", "Deployment", "deployments")),
			entry(kind("apps", "v1", "StatefulSet", "statefulsets")),
			entry(kind("apps", "v1", "DaemonSet", "daemonsets")), entry(kind("batch", "v1", "Job", "jobs")),
			entry(kind("batch", "v1", "CronJob", "cronjobs")),
			entry(kind("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets")),
			entry(kind("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers")),
			entry(kind("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies")),
			entry(kind("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims")),
			entry(clusterKind("", "v1", "Node", "nodes")));

	private final KubernetesClient client;

	Fabric8ClusterReader(KubernetesClient client) {
		this.client = client;
	}

	@Override
	public boolean canRead(String kind) {
		return KINDS.containsKey(kind);
	}

	@Override
	public Optional<ClusterObject> find(String kind, String namespace, String name) {
		ResourceDefinitionContext context = context(kind);
		GenericKubernetesResource resource = context.isNamespaceScoped() ? read(kind + " " + namespace + "/" + name,
				() -> this.client.genericKubernetesResources(context).inNamespace(namespace).withName(name).get())
				: read(kind + " " + name, () -> this.client.genericKubernetesResources(context).withName(name).get());
		return Optional.ofNullable(resource).map((found) -> toClusterObject(kind, found));
	}

	@Override
	public List<ClusterObject> list(String kind, String namespace) {
		ResourceDefinitionContext context = context(kind);
		List<GenericKubernetesResource> items = read(kind + " list in " + namespace,
				() -> this.client.genericKubernetesResources(context).inNamespace(namespace).list().getItems());
		return (items != null) ? items.stream().map((item) -> toClusterObject(kind, item)).toList() : List.of();
	}

	private static ResourceDefinitionContext context(String kind) {
		ResourceDefinitionContext context = KINDS.get(kind);
		if (context == null) {
			throw new IllegalArgumentException("The gateway does not read objects of kind " + kind);
		}
		return context;
	}

	@Override
	public Optional<Map<String, String>> namespaceLabels(String namespace) {
		Namespace found = read("Namespace " + namespace, () -> this.client.namespaces().withName(namespace).get());
		return Optional.ofNullable(found).map((ns) -> nullToEmpty(ns.getMetadata().getLabels()));
	}

	private static <T> T read(String what, Supplier<T> read) {
		try {
			return read.get();
		}
		catch (KubernetesClientException ex) {
			if (ex.getCode() == 404) {
				return null;
			}
			String status = (ex.getCode() > 0) ? " (HTTP " + ex.getCode() + ")" : "";
			throw new ClusterUnavailableException(
					"Could not read " + what + " from the Kubernetes API" + status + ": " + ex.getMessage(), ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static ClusterObject toClusterObject(String kind, GenericKubernetesResource resource) {
		Object spec = resource.getAdditionalProperties().get("spec");
		ClusterObject object = toClusterObject(kind, resource.getMetadata());
		return new ClusterObject(object.ref(), object.labels(), object.owners(),
				nullToEmpty(resource.getMetadata().getAnnotations()),
				(spec instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of());
	}

	private static ClusterObject toClusterObject(String kind, ObjectMeta metadata) {
		List<OwnerReference> references = (metadata.getOwnerReferences() != null) ? metadata.getOwnerReferences()
				: List.of();
		List<ClusterObject.Owner> owners = references.stream()
			.map((ref) -> new ClusterObject.Owner(ref.getApiVersion(), ref.getKind(), ref.getName(),
					Boolean.TRUE.equals(ref.getController())))
			.toList();
		return new ClusterObject(new ResourceRef(kind, metadata.getNamespace(), metadata.getName()),
				nullToEmpty(metadata.getLabels()), owners);
	}

	private static Map<String, String> nullToEmpty(Map<String, String> labels) {
		return (labels != null) ? labels : Map.of();
	}

	private static Map.Entry<String, ResourceDefinitionContext> entry(ResourceDefinitionContext context) {
		return Map.entry(context.getKind(), context);
	}

	private static ResourceDefinitionContext kind(String group, String version, String kind, String plural) {
		return context(group, version, kind, plural, true);
	}

	private static ResourceDefinitionContext clusterKind(String group, String version, String kind, String plural) {
		if (!ClusterReader.clusterScoped(kind)) {
			throw new IllegalStateException(kind + " must be listed in ClusterReader.CLUSTER_SCOPED_KINDS");
		}
		return context(group, version, kind, plural, false);
	}

	private static ResourceDefinitionContext context(String group, String version, String kind, String plural,
			boolean namespaced) {
		return new ResourceDefinitionContext.Builder().withGroup(group)
			.withVersion(version)
			.withKind(kind)
			.withPlural(plural)
			.withNamespaced(namespaced)
			.build();
	}

}
