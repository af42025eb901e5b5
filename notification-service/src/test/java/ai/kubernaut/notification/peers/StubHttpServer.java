package ai.kubernaut.notification.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server standing in for Slack, Teams, PagerDuty and webhook endpoints: it
 * records every request and answers what a test scripted for the path, else
 * {@code 200 ok}.
 */
public final class StubHttpServer {

	private final HttpServer server;

	private final List<Recorded> requests = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();

	private final Map<String, Answer> defaults = new ConcurrentHashMap<>();

	StubHttpServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * The next requests to {@code path} get these answers, in order; after them
	 * {@code 200 ok} again.
	 */
	public void script(String path, Answer... answers) {
		this.scripts.put(path, new ArrayDeque<>(List.of(answers)));
	}

	/**
	 * Requests to {@code path} get {@code answer} when nothing is scripted.
	 */
	public void answerByDefault(String path, Answer answer) {
		this.defaults.put(path, answer);
	}

	/**
	 * Requests to {@code path}, oldest first.
	 */
	public List<Recorded> requests(String path) {
		return this.requests.stream().filter((request) -> request.path().equals(path)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
		String path = exchange.getRequestURI().getPath();
		this.requests.add(new Recorded(path, headers, body, Instant.now()));
		Deque<Answer> script = this.scripts.get(path);
		Answer answer = null;
		if (script != null) {
			synchronized (script) {
				answer = script.poll();
			}
		}
		if (answer == null) {
			answer = this.defaults.getOrDefault(path, Answer.ok("ok"));
		}
		answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(answer.status(), (bytes.length == 0) ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/**
	 * A recorded request.
	 */
	public record Recorded(String path, Map<String, String> headers, String body, Instant receivedAt) {
	}

	/**
	 * A scripted answer.
	 */
	public record Answer(int status, String body, Map<String, String> headers) {

		public static Answer ok(String body) {
			return new Answer(200, body, Map.of());
		}

		public static Answer status(int status, String body) {
			return new Answer(status, body, Map.of());
		}

	}

}
