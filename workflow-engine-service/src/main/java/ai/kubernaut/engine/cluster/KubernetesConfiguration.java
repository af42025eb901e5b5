package ai.kubernaut.engine.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KubernetesConfiguration {

	@Bean(destroyMethod = "close")
	KubernetesClient kubernetesClient(KubernetesProperties properties) {
		return KubernetesClients.create(properties);
	}

	@Bean
	ClusterOperations clusterOperations(KubernetesClient client) {
		return new Fabric8ClusterOperations(client);
	}

}
