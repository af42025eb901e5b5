package ai.kubernaut.engine.cluster;

import java.nio.file.Files;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;

/**
 * Builds the engine's fabric8 client on the JDK HTTP client (no Netty or Vert.x on the
 * runtime path).
 */
public final class KubernetesClients {

	private KubernetesClients() {
	}

	public static KubernetesClient create(KubernetesProperties properties) {
		Config base;
		if (properties.kubeconfig() != null) {
			if (!Files.isReadable(properties.kubeconfig())) {
				throw new IllegalStateException("kubernaut.kubernetes.kubeconfig is " + properties.kubeconfig()
						+ ", which does not exist or cannot be read");
			}
			base = Config.fromKubeconfig(properties.kubeconfig().toFile());
		}
		else {
			base = Config.autoConfigure(null);
		}
		Config config = new ConfigBuilder(base)
			.withConnectionTimeout(Math.toIntExact(properties.connectTimeout().toMillis()))
			.withRequestTimeout(Math.toIntExact(properties.requestTimeout().toMillis()))
			.build();
		return new KubernetesClientBuilder().withConfig(config)
			.withHttpClientFactory(new JdkHttpClientFactory())
			.build();
	}

}
