package ai.kubernaut.testsupport.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.zjsonpatch.JsonPatch;

/**
 * Honours {@code dryRun=All} as an API server does: a write sent as a dry run is answered
 * with the object as it would become, and nothing is stored. fabric8's CRUD dispatcher
 * ignores the parameter and stores the object, so without this a "preview" in the sandbox
 * would change it. JSON patches and merge patches are applied to the stored object in
 * memory; strategic-merge patches are refused as the CRUD dispatcher refuses them.
 */
final class DryRunDispatcher extends Dispatcher {

	private static final ObjectMapper json = new ObjectMapper();

	private final Dispatcher delegate;

	DryRunDispatcher(Dispatcher delegate) {
		this.delegate = delegate;
	}

	@Override
	public MockResponse dispatch(RecordedRequest request) {
		if (!isDryRun(request)) {
			return this.delegate.dispatch(request);
		}
		String path = request.getPath();
		String resourcePath = path.substring(0, path.indexOf('?'));
		return switch (request.getMethod()) {
			case "POST" -> answer(201, request.getUtf8Body());
			case "PUT" -> answer(200, request.getUtf8Body());
			case "PATCH" -> patched(request, resourcePath);
			case "DELETE" -> current(resourcePath);
			default -> this.delegate.dispatch(request);
		};
	}

	private static boolean isDryRun(RecordedRequest request) {
		String path = request.getPath();
		int query = path.indexOf('?');
		if (query < 0) {
			return false;
		}
		for (String parameter : path.substring(query + 1).split("&")) {
			if (parameter.equals("dryRun=All")) {
				return true;
			}
		}
		return false;
	}

	private MockResponse patched(RecordedRequest request, String resourcePath) {
		MockResponse current = current(resourcePath);
		if (current.code() != 200) {
			return current;
		}
		String contentType = String.valueOf(request.getHeader("Content-Type"));
		try {
			JsonNode stored = json.readTree(current.getBody().getBytes());
			JsonNode patch = json.readTree(request.getUtf8Body());
			if (contentType.startsWith("application/json-patch+json")) {
				return answer(200, json.writeValueAsString(JsonPatch.apply(patch, stored)));
			}
			if (contentType.startsWith("application/merge-patch+json")) {
				return answer(200, json.writeValueAsString(merge(stored, patch)));
			}
			return new MockResponse().setResponseCode(415);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			return answer(422,
					"{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Invalid\","
							+ "\"message\":" + json.valueToTree(String.valueOf(ex.getMessage())) + ",\"code\":422}");
		}
	}

	private MockResponse current(String resourcePath) {
		return this.delegate.dispatch(
				new RecordedRequest("HTTP/1.1", HttpMethod.GET, resourcePath, Headers.builder().build(), new Buffer()));
	}

	/**
	 * RFC 7386: objects merge key by key, {@code null} removes, anything else replaces.
	 */
	private static JsonNode merge(JsonNode target, JsonNode patch) {
		if (!patch.isObject()) {
			return patch;
		}
		ObjectNode result = target.isObject() ? ((ObjectNode) target).deepCopy() : json.createObjectNode();
		Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			if (field.getValue().isNull()) {
				result.remove(field.getKey());
			}
			else {
				JsonNode existing = result.get(field.getKey());
				result.set(field.getKey(), merge((existing != null) ? existing : json.nullNode(), field.getValue()));
			}
		}
		return result;
	}

	private static MockResponse answer(int status, String body) {
		return new MockResponse().setResponseCode(status).addHeader("Content-Type: application/json").setBody(body);
	}

	@Override
	public void shutdown() {
		this.delegate.shutdown();
	}

}
