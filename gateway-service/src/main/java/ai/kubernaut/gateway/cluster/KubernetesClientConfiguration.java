package ai.kubernaut.gateway.cluster;

import java.nio.file.Files;
import java.time.Clock;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KubernetesClientConfiguration {

	private static final Logger log = LoggerFactory.getLogger(KubernetesClientConfiguration.class);

	private static final int RETRY_BACKOFF_MILLIS = 100;

	@Bean(destroyMethod = "close")
	KubernetesClient kubernetesClient(KubernetesProperties properties) {
		Config base;
		if (properties.kubeconfig() != null) {
			if (!Files.isReadable(properties.kubeconfig())) {
				throw new IllegalStateException("kubernaut.kubernetes.kubeconfig points to " + properties.kubeconfig()
						+ ", which is not a readable file");
			}
			base = Config.fromKubeconfig(properties.kubeconfig().toFile());
		}
		else {
			base = Config.autoConfigure(null);
		}
		Config config = new ConfigBuilder(base).withRequestTimeout((int) properties.requestTimeout().toMillis())
			.withConnectionTimeout((int) properties.connectTimeout().toMillis())
			.withRequestRetryBackoffLimit(properties.requestRetries())
			.withRequestRetryBackoffInterval(RETRY_BACKOFF_MILLIS)
			.build();
		log.info("Kubernetes API: {} (kubeconfig: {})", config.getMasterUrl(),
				(properties.kubeconfig() != null) ? properties.kubeconfig() : "fabric8 defaults");
		// The JDK client keeps Netty and Vert.x off the runtime path (see stack.md).
		return new KubernetesClientBuilder().withConfig(config)
			.withHttpClientFactory(new JdkHttpClientFactory())
			.build();
	}

	@Bean
	ClusterReader clusterReader(KubernetesClient kubernetesClient, KubernetesProperties properties, Clock clock) {
		ClusterReader reader = new Fabric8ClusterReader(kubernetesClient);
		if (properties.cacheTtl().isZero() || properties.cacheTtl().isNegative()) {
			return reader;
		}
		return new CachingClusterReader(reader, properties.cacheTtl(), properties.cacheMaxEntries(), clock);
	}

}
