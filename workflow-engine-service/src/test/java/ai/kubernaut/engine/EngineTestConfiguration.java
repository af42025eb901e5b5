package ai.kubernaut.engine;

import ai.kubernaut.testsupport.kubernetes.SandboxKubernetes;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The engine's surroundings in tests: the sandbox Kubernetes API as the cluster, and the
 * peer stub as data-storage and notification-service.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EngineTestConfiguration {

	@Bean(destroyMethod = "close")
	SandboxKubernetes sandboxKubernetes() {
		return SandboxKubernetes.start(0);
	}

	/**
	 * Named apart from the application's {@code kubernetesClient}, which stays defined
	 * but unused.
	 */
	@Bean(destroyMethod = "")
	@Primary
	KubernetesClient sandboxKubernetesClient(SandboxKubernetes sandbox) {
		return sandbox.client();
	}

	@Bean(destroyMethod = "close")
	PeerServicesStub peerServicesStub() {
		return PeerServicesStub.start();
	}

	@Bean
	DynamicPropertyRegistrar peerServiceUrls(PeerServicesStub peers) {
		return (registry) -> {
			registry.add("kubernaut.engine.clients.data-storage.base-url", peers::url);
			registry.add("kubernaut.engine.clients.notification.base-url", peers::url);
		};
	}

}
