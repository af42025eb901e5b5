package ai.kubernaut.datastorage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Talks to the running service as its real clients do (bearer token, raw bytes) and reads
 * answers as JSON trees, so tests assert on the wire format rather than on Java types.
 */
public final class CatalogApi {

	/** Holder {@code catalog-admin}, roles read and write. */
	public static final String ADMIN_TOKEN = "test-catalog-admin-token";

	/** Holder {@code workflow-engine}, role read. */
	public static final String READER_TOKEN = "test-workflow-engine-token";

	public static final MediaType YAML = MediaType.parseMediaType("application/yaml");

	private static final JsonMapper JSON = JsonMapper.shared();

	private final RestTestClient client;

	public CatalogApi(RestTestClient client) {
		this.client = client;
	}

	/**
	 * Removes every action type and workflow, so each test starts from an empty catalog.
	 */
	public static void emptyCatalog(JdbcClient jdbc) {
		jdbc.sql("TRUNCATE remediation_workflow_catalog, action_type_taxonomy").update();
	}

	/**
	 * A test resource as text, exactly as stored.
	 */
	public static String resource(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * JSON text as a tree, for comparisons that ignore key order (PostgreSQL's jsonb does
	 * not keep it).
	 */
	public static JsonNode json(String json) {
		return JSON.readTree(json);
	}

	public Response postYaml(String path, String yaml) {
		return post(path, YAML, yaml.getBytes(StandardCharsets.UTF_8), ADMIN_TOKEN);
	}

	public Response postJson(String path, Object body) {
		return post(path, MediaType.APPLICATION_JSON, JSON.writeValueAsBytes(body), ADMIN_TOKEN);
	}

	public Response post(String path, MediaType contentType, byte[] body, String token) {
		return response(this.client.post()
			.uri(path)
			.contentType(contentType)
			.headers((headers) -> bearer(headers, token))
			.body(body)
			.exchange()
			.returnResult(byte[].class));
	}

	/**
	 * PATCH with a JSON body, as the catalog administrator; {@code null} sends no body.
	 */
	public Response patchJson(String path, Object body) {
		return patch(path, body, ADMIN_TOKEN);
	}

	public Response patch(String path, Object body, String token) {
		RestTestClient.RequestBodySpec request = this.client.patch()
			.uri(path)
			.headers((headers) -> bearer(headers, token));
		RestTestClient.RequestHeadersSpec<?> complete = (body != null)
				? request.contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsBytes(body)) : request;
		return response(complete.exchange().returnResult(byte[].class));
	}

	public Response get(String uri) {
		return get(uri, READER_TOKEN);
	}

	/**
	 * GET with query parameters encoded here, so JSON values ({@code custom_labels}) need
	 * no escaping by the caller.
	 */
	public Response query(String path, Map<String, String> query) {
		StringBuilder uri = new StringBuilder(path);
		char separator = '?';
		for (Map.Entry<String, String> parameter : query.entrySet()) {
			uri.append(separator)
				.append(parameter.getKey())
				.append('=')
				.append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
			separator = '&';
		}
		return response(this.client.get()
			.uri(URI.create(uri.toString()))
			.headers((headers) -> bearer(headers, READER_TOKEN))
			.exchange()
			.returnResult(byte[].class));
	}

	public Response get(String uri, String token) {
		return response(this.client.get()
			.uri(uri)
			.headers((headers) -> bearer(headers, token))
			.exchange()
			.returnResult(byte[].class));
	}

	private static void bearer(HttpHeaders headers, String token) {
		if (token != null) {
			headers.setBearerAuth(token);
		}
	}

	private static Response response(EntityExchangeResult<byte[]> result) {
		byte[] body = result.getResponseBody();
		JsonNode json = (body != null && body.length > 0) ? JSON.readTree(body) : JSON.missingNode();
		return new Response(result.getStatus().value(), json, result.getResponseHeaders());
	}

	/**
	 * An answer: status, body as JSON ({@code MissingNode} when empty) and headers.
	 */
	public record Response(int status, JsonNode body, HttpHeaders headers) {

		public String text(String field) {
			return this.body.path(field).asString();
		}

	}

}
