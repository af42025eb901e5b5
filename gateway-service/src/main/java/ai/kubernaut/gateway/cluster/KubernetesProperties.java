package ai.kubernaut.gateway.cluster;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway reaches the Kubernetes API.
 *
 * @param kubeconfig a kubeconfig file to use (its current context); when unset, fabric8's
 * defaults apply: the in-cluster ServiceAccount, then {@code $KUBECONFIG}, then
 * {@code ~/.kube/config}
 * @param requestTimeout bounds each API request (default 5 s); an alert's target lookups
 * are a few requests in sequence, so this keeps the webhook answer well within
 * Alertmanager's patience
 * @param connectTimeout bounds establishing a connection (default 3 s)
 * @param requestRetries how often a failed request (I/O error, HTTP 5xx or 429) is
 * retried, with 100 ms exponential backoff (default 1); fabric8's own default of 10
 * retries from 1 s could hold a webhook for minutes
 * @param cacheTtl how long answers about existing objects and namespaces are reused
 * (default 5 s; {@code 0s} disables the cache)
 * @param cacheMaxEntries the most answers remembered (default 10000)
 */
@Validated
@ConfigurationProperties("kubernaut.kubernetes")
record KubernetesProperties(Path kubeconfig, Duration requestTimeout, Duration connectTimeout,
		@Min(0) Integer requestRetries, Duration cacheTtl, @Min(1) Integer cacheMaxEntries) {

	KubernetesProperties {
		requestTimeout = (requestTimeout != null) ? requestTimeout : Duration.ofSeconds(5);
		connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(3);
		requestRetries = (requestRetries != null) ? requestRetries : 1;
		cacheTtl = (cacheTtl != null) ? cacheTtl : Duration.ofSeconds(5);
		cacheMaxEntries = (cacheMaxEntries != null) ? cacheMaxEntries : 10_000;
	}

}
