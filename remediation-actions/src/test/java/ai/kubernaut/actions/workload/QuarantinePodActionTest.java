package ai.kubernaut.actions.workload;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuarantinePodActionTest extends WorkloadActionTest {

	private static final String POD = "checkout-7d4b9c-x2x9z";

	@Test
	void removesTheLabelsItsServicesSelectOnAndMarksItQuarantined() {
		Map<String, Object> output = new QuarantinePodAction(this.mutator).execute(context(parameters("Pod", POD)));

		Pod pod = read(Pod.class, POD);
		assertThat(pod.getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(
				Map.of("pod-template-hash", "7d4b9c", QuarantinePodAction.QUARANTINED, "true"));
		assertThat(pod.getMetadata().getAnnotations()).containsEntry(QuarantinePodAction.REMOVED_LABELS,
				"{\"app\":\"checkout\"}");
		// checkout-canary also wants track=canary, which the pod does not have.
		assertThat(output).containsEntry("services", List.of("checkout"))
			.containsEntry("removedLabels", Map.of("app", "checkout"));
	}

	@Test
	void takesThePodFromPodNameWhenTheTargetIsItsDeployment() {
		new QuarantinePodAction(this.mutator).execute(context(parameters("Deployment", "checkout", "POD_NAME", POD)));

		assertThat(read(Pod.class, POD).getMetadata().getLabels()).doesNotContainKey("app");
	}

	@Test
	void aDryRunChangesNothingAndShowsTheDiff() {
		stubDryRun("/api/v1", "pods/" + POD, read(Pod.class, POD));

		Map<String, Object> output = new QuarantinePodAction(this.mutator).preview(context(parameters("Pod", POD)));

		assertThat(changes(output)).contains("metadata.labels.app: checkout -> (none)",
				"metadata.labels[kubernaut.ai/quarantined]: (none) -> true");
		assertThat(read(Pod.class, POD).getMetadata().getLabels()).containsEntry("app", "checkout");
	}

	@Test
	void rollsBackAndReplaysWithoutWriting() {
		QuarantinePodAction action = new QuarantinePodAction(this.mutator);
		var context = context(parameters("Pod", POD));
		Map<String, Object> output = action.execute(context);
		String version = version(Pod.class, POD);

		assertThat(action.execute(context)).containsEntry("alreadyApplied", true);
		assertThat(version(Pod.class, POD)).isEqualTo(version);

		rollBack(output);
		Pod pod = read(Pod.class, POD);
		assertThat(pod.getMetadata().getLabels())
			.containsExactlyInAnyOrderEntriesOf(Map.of("app", "checkout", "pod-template-hash", "7d4b9c"));
		assertThat(pod.getMetadata().getAnnotations()).doesNotContainKey(QuarantinePodAction.REMOVED_LABELS);
	}

	@Test
	void validationAsksForThePodWhenTheTargetIsNotOne() {
		assertThat(new QuarantinePodAction(this.mutator).validate(Map.of("TARGET_RESOURCE_KIND", "Deployment")))
			.containsExactly("POD_NAME is required when the target is not a Pod (the target is a Deployment)");
	}

}
