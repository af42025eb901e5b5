package ai.kubernaut.engine.cluster;

import java.nio.file.Path;
import java.time.Duration;

import ai.kubernaut.engine.Fixtures;
import ai.kubernaut.testsupport.kubernetes.SandboxKubernetes;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class KubernetesClientsTest {

	@Test
	void talksToTheClusterOfTheConfiguredKubeconfig(@TempDir Path home) {
		try (SandboxKubernetes sandbox = SandboxKubernetes.start(0)) {
			sandbox.seed(Fixtures.deployment("kubeconfig", "api", 2));
			Path kubeconfig = sandbox.writeKubeconfig(home.resolve("kubeconfig"));

			try (KubernetesClient client = KubernetesClients
				.create(new KubernetesProperties(kubeconfig, Duration.ofSeconds(2), Duration.ofSeconds(3)))) {
				assertThat(client.getConfiguration().getRequestTimeout()).isEqualTo(3000);
				assertThat(client.apps()
					.deployments()
					.inNamespace("kubeconfig")
					.withName("api")
					.get()
					.getSpec()
					.getReplicas()).isEqualTo(2);
			}
		}
	}

	@Test
	void refusesToStartWithAKubeconfigThatIsNotThere(@TempDir Path home) {
		Path missing = home.resolve("nope");

		assertThatIllegalStateException()
			.isThrownBy(() -> KubernetesClients.create(new KubernetesProperties(missing, null, null)))
			.withMessageContaining("kubernaut.kubernetes.kubeconfig is " + missing);
	}

}
