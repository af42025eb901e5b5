package ai.kubernaut.actions.workload;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RelaxPdbActionTest extends WorkloadActionTest {

	@Test
	void replacesMinAvailableOfThePdbSelectingTheTargetWithMaxUnavailableOne() {
		Map<String, Object> output = new RelaxPdbAction(this.mutator)
			.execute(context(parameters("Deployment", "checkout")));

		PodDisruptionBudget pdb = read(PodDisruptionBudget.class, "checkout");
		assertThat(pdb.getSpec().getMaxUnavailable()).isEqualTo(new IntOrString(1));
		assertThat(pdb.getSpec().getMinAvailable()).isNull();
		assertThat(read(PodDisruptionBudget.class, "ledger").getSpec().getMaxUnavailable())
			.isEqualTo(new IntOrString(0));
		assertThat(output).containsEntry("objects", List.of("PodDisruptionBudget/" + this.namespace + "/checkout"));
	}

	@Test
	void setsANamedPdbsMinAvailableAsAPercentage() {
		new RelaxPdbAction(this.mutator)
			.execute(context(parameters("StatefulSet", "ledger", "PDB_NAME", "ledger", "MIN_AVAILABLE", "50%")));

		PodDisruptionBudget pdb = read(PodDisruptionBudget.class, "ledger");
		assertThat(pdb.getSpec().getMinAvailable()).isEqualTo(new IntOrString("50%"));
		assertThat(pdb.getSpec().getMaxUnavailable()).isNull();
	}

	@Test
	void aDryRunChangesNothingAndShowsTheDiff() {
		stubDryRun("/apis/policy/v1", "poddisruptionbudgets/checkout", read(PodDisruptionBudget.class, "checkout"));

		Map<String, Object> output = new RelaxPdbAction(this.mutator)
			.preview(context(parameters("Deployment", "checkout", "MAX_UNAVAILABLE", "2")));

		assertThat(changes(output)).containsExactlyInAnyOrder("spec.minAvailable: 2 -> (none)",
				"spec.maxUnavailable: (none) -> 2");
		assertThat(read(PodDisruptionBudget.class, "checkout").getSpec().getMinAvailable())
			.isEqualTo(new IntOrString(2));
	}

	@Test
	void rollsBackAndReplaysWithoutWriting() {
		RelaxPdbAction action = new RelaxPdbAction(this.mutator);
		var context = context(parameters("Deployment", "checkout"));
		Map<String, Object> output = action.execute(context);
		String version = version(PodDisruptionBudget.class, "checkout");

		assertThat(action.execute(context)).containsEntry("alreadyApplied", true);
		assertThat(version(PodDisruptionBudget.class, "checkout")).isEqualTo(version);

		rollBack(output);
		PodDisruptionBudget pdb = read(PodDisruptionBudget.class, "checkout");
		assertThat(pdb.getSpec().getMinAvailable()).isEqualTo(new IntOrString(2));
		assertThat(pdb.getSpec().getMaxUnavailable()).isNull();
	}

	@Test
	void validationNamesTheParameter() {
		assertThat(new RelaxPdbAction(this.mutator).validate(Map.of("MAX_UNAVAILABLE", "one"))).containsExactly(
				"MAX_UNAVAILABLE must be a whole number such as 1 or a percentage such as 25%, got \"one\"");
		assertThat(new RelaxPdbAction(this.mutator).validate(Map.of("MAX_UNAVAILABLE", "1", "MIN_AVAILABLE", "1")))
			.containsExactly("Give either MAX_UNAVAILABLE or MIN_AVAILABLE, not both");
	}

}
