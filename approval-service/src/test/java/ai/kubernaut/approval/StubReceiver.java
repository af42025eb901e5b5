package ai.kubernaut.approval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A JDK {@link HttpServer} on loopback that records every POST and answers with the
 * statuses it was told to, then 200. It can be created before it listens, so a receiver
 * can be "down" when the service first calls it.
 */
public final class StubReceiver implements AutoCloseable {

	private final int port;

	private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private HttpServer server;

	private StubReceiver(int port) {
		this.port = port;
	}

	/**
	 * A receiver on a free port that is not listening yet: calls are refused until
	 * {@link #start()}.
	 */
	public static StubReceiver down() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return new StubReceiver(socket.getLocalPort());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static StubReceiver started() {
		return down().start();
	}

	/**
	 * Answers the next calls with these statuses, in order, before answering 200.
	 */
	public StubReceiver answering(Integer... statuses) {
		this.statuses.addAll(List.of(statuses));
		return this;
	}

	public synchronized StubReceiver start() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", this.port), 10);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", (exchange) -> {
			try (InputStream body = exchange.getRequestBody()) {
				Integer status = this.statuses.poll();
				int answer = (status != null) ? status : 200;
				this.received.add(new Received(exchange.getRequestURI().getPath(),
						new String(body.readAllBytes(), StandardCharsets.UTF_8),
						exchange.getRequestHeaders().getFirst("Authorization"), answer));
				exchange.sendResponseHeaders(answer, -1);
			}
			finally {
				exchange.close();
			}
		});
		this.server.start();
		return this;
	}

	public URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	public List<Received> received() {
		return List.copyOf(this.received);
	}

	/**
	 * Calls this receiver answered with 2xx.
	 */
	public List<Received> acknowledged() {
		return this.received.stream().filter((call) -> call.status() / 100 == 2).toList();
	}

	@Override
	public synchronized void close() {
		if (this.server != null) {
			this.server.stop(0);
			this.server = null;
		}
	}

	public record Received(String path, String body, String authorization, int status) {
	}

}
