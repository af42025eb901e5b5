package ai.kubernaut.engine.nativecatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

/**
 * data-storage's operator list and registration endpoints as the engine sees them, over
 * real HTTP: knows the action types it is told about, refuses workflows of others with
 * data-storage's problem document, and can fail a number of calls with 503.
 */
final class FakeDataStorageCatalog implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer server;

	private final Set<String> actionTypes = ConcurrentHashMap.newKeySet();

	private final Map<String, Map<String, Object>> workflows = new ConcurrentHashMap<>();

	private final List<String> registrations = new CopyOnWriteArrayList<>();

	private final AtomicInteger failures = new AtomicInteger();

	private FakeDataStorageCatalog(HttpServer server) {
		this.server = server;
	}

	static FakeDataStorageCatalog start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			FakeDataStorageCatalog fake = new FakeDataStorageCatalog(server);
			server.createContext("/api/v1/workflows", fake::handle);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.start();
			return fake;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	void knowActionTypes(String... names) {
		this.actionTypes.addAll(List.of(names));
	}

	void holds(String name, String version, String status) {
		this.workflows.put(name + "@" + version, entry(name, version, status));
	}

	void failNext(int calls) {
		this.failures.set(calls);
	}

	/** Names registered through the API, in order. */
	List<String> registrations() {
		return List.copyOf(this.registrations);
	}

	Map<String, Object> workflow(String name, String version) {
		return this.workflows.get(name + "@" + version);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (this.failures.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
				respond(exchange, 503, Map.of("type", "about:blank", "title", "Service Unavailable", "status", 503));
				return;
			}
			if ("GET".equals(exchange.getRequestMethod())) {
				String name = query(exchange.getRequestURI(), "workflow_name");
				List<Map<String, Object>> matching = this.workflows.values()
					.stream()
					.filter((workflow) -> workflow.get("workflowName").equals(name))
					.toList();
				respond(exchange, 200,
						Map.of("workflows", matching, "limit", 100, "offset", 0, "total", matching.size()));
				return;
			}
			String content = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(content);
			Map<?, ?> metadata = (Map<?, ?>) root.get("metadata");
			Map<?, ?> spec = (Map<?, ?>) root.get("spec");
			if (spec == null || spec.get("version") == null) {
				respond(exchange, 400, problem("spec.version", "is required"));
				return;
			}
			String actionType = String.valueOf(spec.get("actionType"));
			if (!this.actionTypes.contains(actionType)) {
				respond(exchange, 400, problem("spec.actionType", "action_type '" + actionType
						+ "' is not in the action type taxonomy; register the ActionType first"));
				return;
			}
			String name = metadata.get("name").toString();
			String version = spec.get("version").toString();
			Map<String, Object> entry = entry(name, version, "Active");
			this.workflows.put(name + "@" + version, entry);
			this.registrations.add(name);
			respond(exchange, 201, entry);
		}
	}

	private static Map<String, Object> entry(String name, String version, String status) {
		return Map.of("workflowId", UUID.randomUUID().toString(), "workflowName", name, "version", version, "status",
				status, "isLatestVersion", true);
	}

	private static Map<String, Object> problem(String field, String message) {
		return Map.of("type", "https://kubernaut.ai/problems/validation-error", "title", "Validation Error", "status",
				400, "detail", "The manifest is invalid (1 error): " + field + " " + message, "errors",
				List.of(Map.of("field", field, "message", message)));
	}

	private static String query(URI uri, String key) {
		List<String> values = new ArrayList<>();
		for (String pair : String.valueOf(uri.getRawQuery()).split("&")) {
			String[] parts = pair.split("=", 2);
			if (parts.length == 2 && parts[0].equals(key)) {
				values.add(URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
			}
		}
		return values.isEmpty() ? null : values.get(0);
	}

	private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = json.writeValueAsBytes(body);
		exchange.getResponseHeaders()
			.add("Content-Type", (status >= 400) ? "application/problem+json" : "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
