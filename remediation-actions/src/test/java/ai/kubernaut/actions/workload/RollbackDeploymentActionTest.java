package ai.kubernaut.actions.workload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RollbackDeploymentActionTest extends WorkloadActionTest {

	@BeforeEach
	void history() {
		Deployment checkout = read(Deployment.class, "checkout");
		try (InputStream yaml = getClass().getClassLoader().getResourceAsStream("fixtures/checkout-history.yaml")) {
			for (HasMetadata replicaSet : cluster.client().load(yaml).items()) {
				replicaSet.getMetadata().setNamespace(this.namespace);
				replicaSet.getMetadata()
					.setOwnerReferences(java.util.List.of(new OwnerReferenceBuilder().withApiVersion("apps/v1")
						.withKind("Deployment")
						.withName("checkout")
						.withUid(checkout.getMetadata().getUid())
						.withController(true)
						.build()));
				cluster.client().resource(replicaSet).create();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void putsBackThePreviousRevisionsTemplateWithoutThePodTemplateHash() {
		Map<String, Object> output = new RollbackDeploymentAction(this.mutator)
			.execute(context(parameters("Deployment", "checkout")));

		var template = read(Deployment.class, "checkout").getSpec().getTemplate();
		assertThat(template.getSpec().getContainers()).singleElement()
			.satisfies((c) -> assertThat(c.getImage()).isEqualTo("registry.example.com/checkout:1.2.0"));
		assertThat(template.getMetadata().getLabels()).containsExactly(Map.entry("app", "checkout"));
		assertThat(output).containsEntry("fromRevision", 3L).containsEntry("toRevision", 2L);
	}

	@Test
	void rollsBackToANamedRevisionFixedInPrepare() {
		RollbackDeploymentAction action = new RollbackDeploymentAction(this.mutator);
		Map<String, Object> previous = action.prepare(context(parameters("Deployment", "checkout")));
		Map<String, Object> named = action.prepare(context(parameters("Deployment", "checkout", "REVISION", "1")));

		action.execute(context(named));

		assertThat(previous).containsEntry("REVISION", "2");
		assertThat(
				read(Deployment.class, "checkout").getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
			.isEqualTo("registry.example.com/checkout:1.1.0");
	}

	@Test
	void aDryRunChangesNothingAndShowsTheDiff() {
		stubDryRun("/apis/apps/v1", "deployments/checkout", read(Deployment.class, "checkout"));

		Map<String, Object> output = new RollbackDeploymentAction(this.mutator)
			.preview(context(parameters("Deployment", "checkout")));

		// The revision has one container where the current template has two: the list is
		// replaced whole.
		assertThat(changes(output)).singleElement()
			.asString()
			.startsWith("spec.template.spec.containers: ")
			.contains("checkout:1.3.0", "-> [{\"image\":\"registry.example.com/checkout:1.2.0\"");
		assertThat(
				read(Deployment.class, "checkout").getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
			.isEqualTo("registry.example.com/checkout:1.3.0");
	}

	@Test
	void theSnapshotRestoresTheTemplateRolledBackFrom() {
		Deployment before = read(Deployment.class, "checkout");
		Map<String, Object> output = new RollbackDeploymentAction(this.mutator)
			.execute(context(parameters("Deployment", "checkout")));

		rollBack(output);

		assertThat(read(Deployment.class, "checkout").getSpec().getTemplate())
			.isEqualTo(before.getSpec().getTemplate());
	}

	@Test
	void aReplayDoesNotRollBackFurther() {
		RollbackDeploymentAction action = new RollbackDeploymentAction(this.mutator);
		var context = context(action.prepare(context(parameters("Deployment", "checkout"))));
		action.execute(context);
		String version = version(Deployment.class, "checkout");

		assertThat(action.execute(context)).containsEntry("alreadyApplied", true);
		assertThat(version(Deployment.class, "checkout")).isEqualTo(version);
	}

	@Test
	void anUnknownRevisionIsAnErrorListingThoseKept() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new RollbackDeploymentAction(this.mutator)
				.execute(context(parameters("Deployment", "checkout", "REVISION", "9"))))
			.withMessageContaining("has no revision 9; revisions kept: [1, 2, 3]");
		assertThat(new RollbackDeploymentAction(this.mutator).validate(Map.of("REVISION", "last")))
			.containsExactly("REVISION must be a whole number such as 3, got \"last\"");
	}

}
