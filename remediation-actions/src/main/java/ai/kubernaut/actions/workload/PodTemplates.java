package ai.kubernaut.actions.workload;

import java.util.List;
import java.util.Set;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * The pod template of the workload kinds whose pods the engine changes through their
 * template.
 */
final class PodTemplates {

	static final Set<String> KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet");

	private PodTemplates() {
	}

	static Class<? extends HasMetadata> type(String kind) {
		return switch (kind) {
			case "Deployment" -> Deployment.class;
			case "StatefulSet" -> StatefulSet.class;
			case "DaemonSet" -> DaemonSet.class;
			default -> throw new IllegalArgumentException("Not a workload with a pod template: " + kind);
		};
	}

	static PodTemplateSpec of(HasMetadata workload) {
		return switch (workload) {
			case Deployment deployment -> deployment.getSpec().getTemplate();
			case StatefulSet statefulSet -> statefulSet.getSpec().getTemplate();
			case DaemonSet daemonSet -> daemonSet.getSpec().getTemplate();
			default -> throw new IllegalArgumentException("Not a workload with a pod template: " + workload.getKind());
		};
	}

	/**
	 * The named container, or every container when {@code name} is {@code null}.
	 * @throws IllegalArgumentException if no container has that name, listing those there
	 * are
	 */
	static List<Container> containers(HasMetadata workload, String name) {
		List<Container> containers = of(workload).getSpec().getContainers();
		if (name == null) {
			return containers;
		}
		List<Container> named = containers.stream().filter((c) -> name.equals(c.getName())).toList();
		if (named.isEmpty()) {
			throw new IllegalArgumentException(
					workload.getKind() + " " + workload.getMetadata().getName() + " has no container named " + name
							+ "; it has " + String.join(", ", containers.stream().map(Container::getName).toList()));
		}
		return named;
	}

}
