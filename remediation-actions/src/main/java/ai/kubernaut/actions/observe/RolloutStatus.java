package ai.kubernaut.actions.observe;

import java.util.Objects;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * Whether a workload's controller has finished rolling out its current spec, judged the
 * way {@code kubectl rollout status} does: the controller has seen the latest generation,
 * and every desired replica is updated and available.
 *
 * @param done whether the rollout is complete
 * @param summary what the status says, e.g. {@code 2/3 updated, 1/3 available}
 */
record RolloutStatus(boolean done, String summary) {

	static RolloutStatus of(HasMetadata workload) {
		long generation = Objects.requireNonNullElse(workload.getMetadata().getGeneration(), 0L);
		return switch (workload) {
			case Deployment deployment -> {
				var status = deployment.getStatus();
				int desired = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
				yield judge(generation, (status != null) ? status.getObservedGeneration() : null, desired,
						(status != null) ? status.getUpdatedReplicas() : null,
						(status != null) ? status.getAvailableReplicas() : null);
			}
			case StatefulSet statefulSet -> {
				var status = statefulSet.getStatus();
				int desired = Objects.requireNonNullElse(statefulSet.getSpec().getReplicas(), 1);
				yield judge(generation, (status != null) ? status.getObservedGeneration() : null, desired,
						(status != null) ? status.getUpdatedReplicas() : null,
						(status != null) ? status.getAvailableReplicas() : null);
			}
			case DaemonSet daemonSet -> {
				var status = daemonSet.getStatus();
				int desired = (status != null) ? Objects.requireNonNullElse(status.getDesiredNumberScheduled(), 0) : 0;
				yield judge(generation, (status != null) ? status.getObservedGeneration() : null, desired,
						(status != null) ? status.getUpdatedNumberScheduled() : null,
						(status != null) ? status.getNumberAvailable() : null);
			}
			default -> throw new IllegalArgumentException("Cannot judge the rollout of a " + workload.getKind());
		};
	}

	private static RolloutStatus judge(long generation, Long observedGeneration, int desired, Integer updated,
			Integer available) {
		long observed = Objects.requireNonNullElse(observedGeneration, 0L);
		int updatedCount = Objects.requireNonNullElse(updated, 0);
		int availableCount = Objects.requireNonNullElse(available, 0);
		String summary = "generation " + observed + "/" + generation + " observed, " + updatedCount + "/" + desired
				+ " updated, " + availableCount + "/" + desired + " available";
		return new RolloutStatus(observed >= generation && updatedCount == desired && availableCount == desired,
				summary);
	}

}
