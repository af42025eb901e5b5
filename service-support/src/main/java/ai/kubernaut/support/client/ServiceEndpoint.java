package ai.kubernaut.support.client;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

/**
 * Where and how to call another Kubernaut service.
 *
 * @param baseUrl e.g. {@code http://data-storage:8081}
 * @param token the bearer token this service presents; the callee must list it in its
 * {@code kubernaut.security.tokens}
 * @param connectTimeout default 2 s
 * @param readTimeout default 10 s; bounds every call so a hung peer cannot hold a worker
 * forever
 */
public record ServiceEndpoint(@NotNull URI baseUrl, String token, Duration connectTimeout, Duration readTimeout) {

	public ServiceEndpoint {
		connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(2);
		readTimeout = (readTimeout != null) ? readTimeout : Duration.ofSeconds(10);
	}

}
