package ai.kubernaut.actions.observe;

import java.util.Locale;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Reads the workload kinds the observing actions understand.
 */
final class Workloads {

	private Workloads() {
	}

	/**
	 * @return the object, or {@code null} if it does not exist
	 * @throws IllegalArgumentException if the kind is not one of Deployment, StatefulSet,
	 * DaemonSet or Pod
	 */
	static HasMetadata get(KubernetesClient client, TargetRef target) {
		String namespace = requireNamespace(target);
		return switch (target.kind().toLowerCase(Locale.ROOT)) {
			case "deployment" -> client.apps().deployments().inNamespace(namespace).withName(target.name()).get();
			case "statefulset" -> client.apps().statefulSets().inNamespace(namespace).withName(target.name()).get();
			case "daemonset" -> client.apps().daemonSets().inNamespace(namespace).withName(target.name()).get();
			case "pod" -> client.pods().inNamespace(namespace).withName(target.name()).get();
			default -> throw new IllegalArgumentException(
					"Expected a Deployment, StatefulSet, DaemonSet or Pod, but the target is " + target);
		};
	}

	static LabelSelector podSelector(HasMetadata workload) {
		return switch (workload) {
			case Deployment deployment -> deployment.getSpec().getSelector();
			case StatefulSet statefulSet -> statefulSet.getSpec().getSelector();
			case DaemonSet daemonSet -> daemonSet.getSpec().getSelector();
			default -> null;
		};
	}

	static boolean isReady(Pod pod) {
		return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus()
			.getConditions()
			.stream()
			.anyMatch((condition) -> "Ready".equals(condition.getType()) && "True".equals(condition.getStatus()));
	}

	private static String requireNamespace(TargetRef target) {
		if (target.namespace() == null) {
			throw new IllegalArgumentException(TargetRef.NAMESPACE + " is required for " + target);
		}
		return target.namespace();
	}

}
