package ai.kubernaut.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The workflow engine as the gateway sees it over HTTP: a JDK HTTP server on the loopback
 * interface that records what it is sent and answers as told. By default it accepts every
 * remediation with a fresh id.
 */
public final class StubEngine implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private volatile Answer answer = Answer.ACCEPT;

	private volatile UUID lastIssuedId;

	private final Map<UUID, String> phases = new ConcurrentHashMap<>();

	private StubEngine(HttpServer server) {
		this.server = server;
	}

	public static StubEngine start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			StubEngine engine = new StubEngine(server);
			server.createContext("/", engine::handle);
			// Answers concurrent requests, as the real engine does.
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.start();
			return engine;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the stub engine", ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Back to accepting every remediation, with nothing received. */
	public void reset() {
		this.answer = Answer.ACCEPT;
		this.received.clear();
		this.lastIssuedId = null;
		this.phases.clear();
	}

	/** From now on reports remediation {@code id} in {@code phase} (default PENDING). */
	public void phase(UUID id, String phase) {
		this.phases.put(id, phase);
	}

	/** The remediations the engine was asked to create. */
	public List<Received> creations() {
		return this.received.stream()
			.filter((request) -> request.method().equals("POST") && request.path().equals("/api/v1/remediations"))
			.toList();
	}

	/** The cancellations the engine was sent, answered or not. */
	public List<Received> cancellations() {
		return this.received.stream()
			.filter((request) -> request.method().equals("POST") && request.path().endsWith("/cancel"))
			.toList();
	}

	/** Answers every request with {@code status} and {@code problemJson}. */
	public void refuse(int status, String problemJson) {
		this.answer = new Answer(status, problemJson);
	}

	/**
	 * Drops every connection without answering, as a crashed or partitioned engine would.
	 */
	public void dropConnections() {
		this.answer = Answer.DROP;
	}

	public List<Received> received() {
		return List.copyOf(this.received);
	}

	public UUID lastIssuedId() {
		return this.lastIssuedId;
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestHeaders().getFirst("Authorization"), body));
		Answer current = this.answer;
		if (current == Answer.DROP) {
			exchange.close();
			return;
		}
		String response;
		String contentType;
		int status;
		if (current == Answer.ACCEPT && exchange.getRequestURI().getPath().endsWith("/cancel")) {
			// As the engine: a finished remediation cannot be cancelled (409); cancelling
			// one that is cancelled returns it unchanged.
			UUID id = UUID.fromString(exchange.getRequestURI().getPath().split("/")[4]);
			String phase = this.phases.getOrDefault(id, "PENDING");
			contentType = "application/json";
			if (phase.equals("COMPLETED") || phase.equals("FAILED") || phase.equals("SKIPPED")) {
				status = 409;
				contentType = "application/problem+json";
				response = "{\"type\":\"https://kubernaut.ai/problems/remediation-finished\",\"title\":\"Conflict\","
						+ "\"status\":409,\"detail\":\"Remediation " + id + " already finished (" + phase + ")\"}";
			}
			else {
				this.phases.put(id, "CANCELLED");
				status = 200;
				response = "{\"remediationId\":\"" + id + "\",\"phase\":\"CANCELLED\",\"outcome\":\"Cancelled\"}";
			}
		}
		else if (current == Answer.ACCEPT && exchange.getRequestMethod().equals("GET")) {
			String id = exchange.getRequestURI().getPath().replaceFirst(".*/", "");
			status = 200;
			contentType = "application/json";
			response = "{\"remediationId\":\"" + id + "\",\"phase\":\""
					+ this.phases.getOrDefault(UUID.fromString(id), "PENDING") + "\"}";
		}
		else if (current == Answer.ACCEPT) {
			UUID id = UUID.randomUUID();
			this.lastIssuedId = id;
			status = 201;
			contentType = "application/json";
			response = "{\"remediationId\":\"" + id + "\",\"phase\":\"PENDING\"}";
		}
		else {
			status = current.status();
			contentType = "application/problem+json";
			response = current.body();
		}
		byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** One request the engine received. */
	public record Received(String method, String path, String authorization, String body) {
	}

	private record Answer(int status, String body) {

		static final Answer ACCEPT = new Answer(201, null);

		static final Answer DROP = new Answer(0, null);

	}

}
