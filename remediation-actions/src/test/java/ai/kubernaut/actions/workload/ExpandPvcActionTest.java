package ai.kubernaut.actions.workload;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ExpandPvcActionTest extends WorkloadActionTest {

	@Test
	void expandsTheClaimByAFactor() {
		Map<String, Object> output = new ExpandPvcAction(this.mutator)
			.execute(context(parameters("PersistentVolumeClaim", "ledger-data", "EXPAND_FACTOR", "1.5")));

		assertThat(size("ledger-data")).isEqualTo("15Gi");
		assertThat(output).containsEntry("previousSize", "10Gi").containsEntry("size", "15Gi");
	}

	@Test
	void expandsANamedClaimToAnAbsoluteSize() {
		new ExpandPvcAction(this.mutator)
			.execute(context(parameters("StatefulSet", "ledger", "PVC_NAME", "ledger-data", "SIZE", "20Gi")));

		assertThat(size("ledger-data")).isEqualTo("20Gi");
	}

	@Test
	void neverShrinks() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ExpandPvcAction(this.mutator)
				.execute(context(parameters("PersistentVolumeClaim", "ledger-data", "SIZE", "5Gi"))))
			.withMessageContaining("never shrinks a claim");
		assertThat(size("ledger-data")).isEqualTo("10Gi");
	}

	@Test
	void refusesWhenTheStorageClassDoesNotAllowExpansion() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new ExpandPvcAction(this.mutator)
				.execute(context(parameters("PersistentVolumeClaim", "archive", "SIZE", "20Gi"))))
			.withMessage("StorageClass fixed of PersistentVolumeClaim " + this.namespace
					+ "/archive does not allowVolumeExpansion, so the claim cannot be expanded; nothing was written");
		assertThat(size("archive")).isEqualTo("10Gi");
	}

	@Test
	void aDryRunChangesNothingAndShowsTheDiff() {
		stubDryRun("/api/v1", "persistentvolumeclaims/ledger-data", read(PersistentVolumeClaim.class, "ledger-data"));

		Map<String, Object> output = new ExpandPvcAction(this.mutator)
			.preview(context(parameters("PersistentVolumeClaim", "ledger-data", "EXPAND_FACTOR", "2")));

		assertThat(changes(output)).containsExactly("spec.resources.requests.storage: 10Gi -> 20Gi");
		assertThat(size("ledger-data")).isEqualTo("10Gi");
	}

	@Test
	void rollsBackAndReplaysWithoutWriting() {
		ExpandPvcAction action = new ExpandPvcAction(this.mutator);
		var context = context(parameters("PersistentVolumeClaim", "ledger-data", "EXPAND_FACTOR", "2"));
		Map<String, Object> output = action.execute(context);
		String version = version(PersistentVolumeClaim.class, "ledger-data");

		assertThat(action.execute(context)).containsEntry("alreadyApplied", true);
		assertThat(version(PersistentVolumeClaim.class, "ledger-data")).isEqualTo(version);
		assertThat(size("ledger-data")).isEqualTo("20Gi");

		// The mock server accepts the restore; a real one refuses to shrink a bound
		// claim.
		rollBack(output);
		assertThat(size("ledger-data")).isEqualTo("10Gi");
	}

	@Test
	void validationNamesEachBadParameter() {
		assertThat(new ExpandPvcAction(this.mutator).validate(Map.of("SIZE", "big", "PVC_NAME", "x")))
			.containsExactly("SIZE must be a positive Kubernetes quantity such as 20Gi, got \"big\"");
		assertThat(new ExpandPvcAction(this.mutator).validate(Map.of("EXPAND_FACTOR", "1", "PVC_NAME", "x")))
			.containsExactly("EXPAND_FACTOR must be a number > 1 (and at most 100), got \"1\"");
		assertThat(new ExpandPvcAction(this.mutator).validate(Map.of("TARGET_RESOURCE_KIND", "Deployment")))
			.isEqualTo(List.of("expand_pvc needs SIZE or EXPAND_FACTOR",
					"PVC_NAME is required when the target is not a PersistentVolumeClaim (the target is a Deployment)"));
	}

	private String size(String claim) {
		return read(PersistentVolumeClaim.class, claim).getSpec()
			.getResources()
			.getRequests()
			.get("storage")
			.toString();
	}

}
