package ai.kubernaut.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * data-storage's catalog and notification-service as the engine sees them, answered over
 * real HTTP by the JDK's server so the engine's clients, tokens and JSON mapping are
 * exercised. Knows the workflows in {@code fixtures/catalog} and records every call.
 */
public final class PeerServicesStub implements AutoCloseable {

	private final HttpServer server;

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final AtomicInteger heldCalls = new AtomicInteger();

	private final AtomicInteger approvalFailures = new AtomicInteger();

	private volatile CountDownLatch hold;

	private PeerServicesStub(HttpServer server) {
		this.server = server;
	}

	public static PeerServicesStub start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			PeerServicesStub stub = new PeerServicesStub(server);
			server.createContext("/api/v1/workflows/", stub::catalog);
			server.createContext("/api/v1/notifications", stub::notifications);
			server.createContext("/api/v1/approvals", stub::approvals);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.start();
			return stub;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public List<Call> calls() {
		return List.copyOf(this.calls);
	}

	/**
	 * Makes catalog searches wait until {@link #release()}, to keep the engine's workers
	 * busy.
	 */
	public void holdCatalog() {
		this.hold = new CountDownLatch(1);
	}

	public void release() {
		CountDownLatch latch = this.hold;
		this.hold = null;
		if (latch != null) {
			latch.countDown();
		}
	}

	/**
	 * Catalog searches waiting for {@link #release()}.
	 */
	public int heldCalls() {
		return this.heldCalls.get();
	}

	private void catalog(HttpExchange exchange) throws IOException {
		URI uri = exchange.getRequestURI();
		record(exchange, "");
		String path = uri.getPath();
		if (path.startsWith("/api/v1/workflows/actions/")) {
			awaitRelease();
			String actionType = path.substring("/api/v1/workflows/actions/".length());
			String body = Fixtures.optionalText("fixtures/catalog/discovery-" + actionType + ".json")
				.orElse("""
						{"actionType":"%s","workflows":[],"pagination":{"totalCount":0,"offset":0,"limit":10,"hasMore":false}}
						"""
					.formatted(actionType));
			respond(exchange, 200, "application/json", body);
			return;
		}
		String workflowId = path.substring(path.lastIndexOf('/') + 1);
		java.util.Optional<String> workflow = Fixtures
			.optionalText("fixtures/catalog/workflow-" + workflowId + ".json");
		if (workflow.isPresent()) {
			respond(exchange, 200, "application/json", workflow.get());
		}
		else {
			respond(exchange, 404, "application/problem+json",
					"""
							{"type":"https://kubernaut.ai/problems/workflow-not-found","title":"Not Found","status":404,"detail":"Workflow not found"}
							""");
		}
	}

	private void notifications(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		record(exchange, body);
		respond(exchange, 202, "application/json",
				"{\"notificationId\":\"" + UUID.randomUUID() + "\",\"status\":\"PENDING\"}");
	}

	/**
	 * Makes the next {@code count} approval requests fail with 503, as an unreachable
	 * approval-service would.
	 */
	public void failApprovals(int count) {
		this.approvalFailures.set(count);
	}

	private void approvals(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		record(exchange, body);
		if (exchange.getRequestURI().getPath().equals("/api/v1/approvals")
				&& this.approvalFailures.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
			respond(exchange, 503, "application/problem+json", "{\"title\":\"Service Unavailable\",\"status\":503}");
			return;
		}
		respond(exchange, 201, "application/json",
				"{\"approvalId\":\"" + UUID.randomUUID() + "\",\"state\":\"PENDING\",\"requiredApprovals\":1}");
	}

	private void awaitRelease() {
		CountDownLatch latch = this.hold;
		if (latch == null) {
			return;
		}
		this.heldCalls.incrementAndGet();
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.heldCalls.decrementAndGet();
		}
	}

	private void record(HttpExchange exchange, String body) {
		this.calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestURI().getQuery(), exchange.getRequestHeaders().getFirst("Authorization"), body));
	}

	private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		try (var out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		release();
		this.server.stop(0);
	}

	/**
	 * One request the stub answered.
	 */
	public record Call(String method, String path, String query, String authorization, String body) {
	}

}
