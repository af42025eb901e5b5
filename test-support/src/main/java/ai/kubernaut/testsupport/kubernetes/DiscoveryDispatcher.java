package ai.kubernaut.testsupport.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * Answers the API discovery paths ({@code /api}, {@code /apis}, {@code /apis/apps/v1},
 * {@code /version}, ...) that {@code kubectl} reads before anything else, and hands every
 * other request to the CRUD dispatcher. The mock server's CRUD mode has no discovery of
 * its own, so without this kubectl reports "the server doesn't have a resource type".
 */
final class DiscoveryDispatcher extends Dispatcher {

	private final Map<String, String> documents;

	private final Dispatcher delegate;

	DiscoveryDispatcher(Dispatcher delegate) {
		this.delegate = delegate;
		this.documents = load();
	}

	@Override
	public MockResponse dispatch(RecordedRequest request) {
		String path = request.getPath();
		int query = path.indexOf('?');
		String document = this.documents.get((query >= 0) ? path.substring(0, query) : path);
		if (document != null && "GET".equals(request.getMethod())) {
			return new MockResponse().setResponseCode(200)
				.addHeader("Content-Type: application/json")
				.setBody(document);
		}
		return this.delegate.dispatch(request);
	}

	@Override
	public void shutdown() {
		this.delegate.shutdown();
	}

	private static Map<String, String> load() {
		try (InputStream in = DiscoveryDispatcher.class.getResourceAsStream("/sandbox/discovery.json")) {
			JsonNode byPath = new ObjectMapper().readTree(in);
			Map<String, String> documents = new HashMap<>();
			byPath.properties().forEach((entry) -> documents.put(entry.getKey(), entry.getValue().toString()));
			return documents;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the sandbox discovery documents", ex);
		}
	}

}
