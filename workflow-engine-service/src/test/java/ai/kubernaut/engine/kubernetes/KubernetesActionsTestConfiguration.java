package ai.kubernaut.engine.kubernetes;

import java.net.InetAddress;
import java.util.HashMap;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

import ai.kubernaut.engine.PeerServicesStub;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The engine with its real Kubernetes actions against a CRUD mock API server that, like a
 * real one, stores nothing for a dry run; the peer stub stands in for the other services.
 */
@TestConfiguration(proxyBeanMethods = false)
class KubernetesActionsTestConfiguration {

	@Bean(destroyMethod = "destroy")
	KubernetesMockServer dryRunHonouringApiServer() {
		KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
				new DryRunHonouringDispatcher(new KubernetesCrudDispatcher()), false);
		server.init(InetAddress.getLoopbackAddress(), 0);
		return server;
	}

	/**
	 * Named apart from the application's {@code kubernetesClient}, which stays defined
	 * but unused.
	 */
	@Bean(destroyMethod = "close")
	@Primary
	KubernetesClient kubernetesActionsClient(KubernetesMockServer server) {
		return server.createClient((builder) -> builder.withConfig(
				new ConfigBuilder(server.createClient().getConfiguration()).withRequestRetryBackoffLimit(0).build()));
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
			registry.add("kubernaut.engine.clients.approval.base-url", peers::url);
		};
	}

}
