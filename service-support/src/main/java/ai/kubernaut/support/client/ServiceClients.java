package ai.kubernaut.support.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;

import ai.kubernaut.support.problem.RemoteServiceException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Builds {@code @HttpExchange} clients for calls between Kubernaut services: base URL,
 * timeouts and bearer token from configuration, and error answers turned into
 * {@link RemoteServiceException} carrying the callee's problem document. Built on the
 * application's {@link RestClient.Builder}, so calls are observed as
 * {@code http.client.requests} metrics.
 */
public class ServiceClients {

	private final RestClient.Builder builder;

	private final JsonMapper jsonMapper;

	public ServiceClients(RestClient.Builder builder, JsonMapper jsonMapper) {
		this.builder = builder;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * A client for {@code api} talking to {@code endpoint}; {@code serviceName} names the
	 * peer in errors.
	 */
	public <T> T create(Class<T> api, String serviceName, ServiceEndpoint endpoint) {
		HttpClient httpClient = HttpClient.newBuilder()
			.connectTimeout(endpoint.connectTimeout())
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(endpoint.readTimeout());
		RestClient.Builder client = this.builder.clone()
			.baseUrl(endpoint.baseUrl().toString())
			.requestFactory(requestFactory)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> raise(serviceName, response));
		if (endpoint.token() != null && !endpoint.token().isBlank()) {
			client.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + endpoint.token());
		}
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client.build())).build().createClient(api);
	}

	private void raise(String serviceName, ClientHttpResponse response) throws IOException {
		ProblemDetail problem = null;
		try (InputStream body = response.getBody()) {
			byte[] bytes = body.readAllBytes();
			if (bytes.length > 0) {
				problem = this.jsonMapper.readValue(bytes, ProblemDetail.class);
			}
		}
		catch (RuntimeException notProblemJson) {
			// The peer answered an error without a problem document (a proxy, say);
			// status alone must do.
		}
		throw new RemoteServiceException(serviceName, response.getStatusCode(), problem);
	}

}
