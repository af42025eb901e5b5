package ai.kubernaut.engine.cluster;

import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.engine.Fixtures;
import ai.kubernaut.testsupport.kubernetes.SandboxKubernetes;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class Fabric8ClusterOperationsTest {

	static SandboxKubernetes sandbox;

	static ClusterOperations cluster;

	@BeforeAll
	static void startSandbox() {
		sandbox = SandboxKubernetes.start(0);
		cluster = new Fabric8ClusterOperations(sandbox.client());
	}

	@AfterAll
	static void stopSandbox() {
		sandbox.close();
	}

	@Test
	void scalesToTheCountComputedFromTheCurrentOne() {
		sandbox.seed(Fixtures.deployment("ops-compute", "api", 3));

		ScaleResult result = cluster.scaleDeployment(deployment("ops-compute", "api"), (current) -> current + 2);

		assertThat(result).isEqualTo(new ScaleResult(3, 5));
		assertThat(read("ops-compute", "api").getSpec().getReplicas()).isEqualTo(5);
	}

	@Test
	void writesNothingWhenTheCountWouldNotChange() {
		sandbox.seed(Fixtures.deployment("ops-same", "api", 3));
		String before = read("ops-same", "api").getMetadata().getResourceVersion();

		ScaleResult result = cluster.scaleDeployment(deployment("ops-same", "api"), (current) -> current);

		assertThat(result.changed()).isFalse();
		assertThat(read("ops-same", "api").getMetadata().getResourceVersion()).isEqualTo(before);
	}

	@Test
	void aMissingDeploymentIsAFailureNamingIt() {
		assertThatExceptionOfType(ClusterObjectNotFoundException.class)
			.isThrownBy(() -> cluster.scaleDeployment(deployment("ops-missing", "ghost"), (current) -> current + 1))
			.withMessage("Deployment ops-missing/ghost does not exist");
	}

	@Test
	void scalesOnlyDeployments() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> cluster.scaleDeployment(new ResourceRef("StatefulSet", "ops", "db"), (current) -> current + 1));
	}

	private static ResourceRef deployment(String namespace, String name) {
		return new ResourceRef("Deployment", namespace, name);
	}

	private static Deployment read(String namespace, String name) {
		return sandbox.client().apps().deployments().inNamespace(namespace).withName(name).get();
	}

}
