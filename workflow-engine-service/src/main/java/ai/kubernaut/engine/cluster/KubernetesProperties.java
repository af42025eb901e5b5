package ai.kubernaut.engine.cluster;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How to reach the cluster ({@code kubernaut.kubernetes.*}).
 *
 * @param kubeconfig a kubeconfig file to use; when absent fabric8's defaults apply: the
 * in-cluster service account, then {@code $KUBECONFIG}, then {@code ~/.kube/config}
 * @param connectTimeout default 5 s
 * @param requestTimeout default 15 s; bounds every API call so a hung API server cannot
 * hold a remediation forever
 */
@Validated
@ConfigurationProperties("kubernaut.kubernetes")
public record KubernetesProperties(Path kubeconfig, Duration connectTimeout, Duration requestTimeout) {

	public KubernetesProperties {
		connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(5);
		requestTimeout = (requestTimeout != null) ? requestTimeout : Duration.ofSeconds(15);
	}

}
