package ai.kubernaut.actions.workload;

import java.util.Map;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UpdateHpaActionTest extends WorkloadActionTest {

	@Test
	void raisesTheMaximumOfTheHpaScalingTheTarget() {
		Map<String, Object> output = new UpdateHpaAction(this.mutator, 20)
			.execute(context(parameters("Deployment", "checkout", "MAX_REPLICAS", "+5")));

		assertThat(hpa().getSpec().getMaxReplicas()).isEqualTo(10);
		assertThat(hpa().getSpec().getMinReplicas()).isEqualTo(2);
		assertThat(output).containsEntry("hpa", "checkout").containsEntry("maxReplicas", "5 -> 10");
	}

	@Test
	void setsAbsoluteBoundsAndFreezesRelativeOnesInPrepare() {
		UpdateHpaAction action = new UpdateHpaAction(this.mutator, 20);
		Map<String, Object> prepared = action.prepare(context(parameters("Deployment", "checkout", "HPA_NAME",
				"checkout", "MIN_REPLICAS", "3", "MAX_REPLICAS", "+3")));

		action.execute(context(prepared));

		assertThat(prepared).containsEntry("MAX_REPLICAS", "8").containsEntry("MIN_REPLICAS", "3");
		assertThat(hpa().getSpec().getMinReplicas()).isEqualTo(3);
		assertThat(hpa().getSpec().getMaxReplicas()).isEqualTo(8);
	}

	@Test
	void neverRaisesTheMaximumBeyondTheLimit() {
		new UpdateHpaAction(this.mutator, 7)
			.execute(context(parameters("Deployment", "checkout", "MAX_REPLICAS", "50")));

		assertThat(hpa().getSpec().getMaxReplicas()).isEqualTo(7);
	}

	@Test
	void aDryRunChangesNothingAndShowsTheDiff() {
		stubDryRun("/apis/autoscaling/v2", "horizontalpodautoscalers/checkout", hpa());

		Map<String, Object> output = new UpdateHpaAction(this.mutator, 20)
			.preview(context(parameters("Deployment", "checkout", "MAX_REPLICAS", "10")));

		assertThat(output).containsEntry("changes", java.util.List.of("spec.maxReplicas: 5 -> 10"));
		assertThat(hpa().getSpec().getMaxReplicas()).isEqualTo(5);
	}

	@Test
	void rollsBackAndReplaysWithoutWriting() {
		UpdateHpaAction action = new UpdateHpaAction(this.mutator, 20);
		var context = context(parameters("Deployment", "checkout", "MAX_REPLICAS", "10"));
		Map<String, Object> output = action.execute(context);
		String version = version(HorizontalPodAutoscaler.class, "checkout");

		assertThat(action.execute(context)).containsEntry("alreadyApplied", true);
		assertThat(version(HorizontalPodAutoscaler.class, "checkout")).isEqualTo(version);

		rollBack(output);
		assertThat(hpa().getSpec().getMaxReplicas()).isEqualTo(5);
	}

	@Test
	void refusesBoundsThatContradictEachOther() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new UpdateHpaAction(this.mutator, 20)
				.execute(context(parameters("Deployment", "checkout", "MIN_REPLICAS", "6"))))
			.withMessageContaining("needs 1 <= minReplicas <= maxReplicas");
		assertThat(new UpdateHpaAction(this.mutator, 20).validate(Map.of("MAX_REPLICAS", "lots")))
			.containsExactly("MAX_REPLICAS must be a count such as 3 or a change such as +1 or -1, got \"lots\"");
		assertThat(new UpdateHpaAction(this.mutator, 20).validate(Map.of()))
			.containsExactly("update_hpa needs MIN_REPLICAS or MAX_REPLICAS");
	}

	private HorizontalPodAutoscaler hpa() {
		return read(HorizontalPodAutoscaler.class, "checkout");
	}

}
