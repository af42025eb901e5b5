package ai.kubernaut.notification.outbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import ai.kubernaut.contracts.notification.DeliveryStatus;
import ai.kubernaut.notification.ApiClient;
import ai.kubernaut.notification.ServiceIntegrationTest;
import ai.kubernaut.notification.TestTokens;
import ai.kubernaut.notification.routing.Receivers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outbox throughput, run by {@code bench/notification/run.sh} (skipped otherwise): N
 * notifications POSTed over loopback HTTP by C concurrent clients (accepted/s, committed
 * before each 202), then delivered through the {@code log} channel by two delivery
 * workers sharing the outbox (delivered/s). The application's own poller is paused so
 * only the two measured workers deliver. Prints its figures; asserts only correctness
 * (every notification delivered once), never timings.
 */
@ServiceIntegrationTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class OutboxThroughputBenchmark {

	@LocalServerPort
	int port;

	@Autowired
	RestTestClient http;

	@Autowired
	JsonMapper json;

	@Autowired
	DeliveryPoller poller;

	@Autowired
	OutboxRepository outbox;

	@Autowired
	Receivers receivers;

	@Autowired
	DeliveryProperties properties;

	@Test
	void measuresAcceptedAndDeliveredPerSecond() throws Exception {
		int notifications = Integer.getInteger("bench.notifications", 2000);
		int clients = Integer.getInteger("bench.clients", 4);
		String body = new ApiClient(this.http, this.json).routedTo("bench").toString();
		HttpClient client = HttpClient.newHttpClient();
		URI uri = URI.create("http://127.0.0.1:" + this.port + "/api/v1/notifications");
		warmUp(client, uri, body);

		this.poller.stop();
		try {
			AtomicInteger next = new AtomicInteger();
			List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
			long acceptStart = System.nanoTime();
			try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
				List<Future<?>> done = new ArrayList<>();
				for (int c = 0; c < clients; c++) {
					done.add(pool.submit(() -> {
						while (next.getAndIncrement() < notifications) {
							HttpResponse<String> response = client.send(request(uri, body),
									HttpResponse.BodyHandlers.ofString());
							assertThat(response.statusCode()).isEqualTo(202);
							ids.add(this.json.readTree(response.body()).get("notificationId").asString());
						}
						return null;
					}));
				}
				for (Future<?> future : done) {
					future.get();
				}
			}
			double acceptSeconds = (System.nanoTime() - acceptStart) / 1e9;

			long deliverStart = System.nanoTime();
			try (ExecutorService workers = Executors.newFixedThreadPool(2)) {
				Future<Integer> a = workers.submit(() -> drain(worker()));
				Future<Integer> b = workers.submit(() -> drain(worker()));
				a.get();
				b.get();
			}
			double deliverSeconds = (System.nanoTime() - deliverStart) / 1e9;

			assertThat(ids).hasSize(notifications).doesNotHaveDuplicates();
			assertThat(ids)
				.allSatisfy((id) -> assertThat(this.outbox.find(java.util.UUID.fromString(id)).orElseThrow().status())
					.isEqualTo(DeliveryStatus.DELIVERED));
			System.out.println(String.format(Locale.ROOT,
					"BENCH notifications=%d clients=%d accept=%.2fs accepted/s=%.0f deliver(2 workers, batch %d)=%.2fs delivered/s=%.0f",
					notifications, clients, acceptSeconds, notifications / acceptSeconds, this.properties.batchSize(),
					deliverSeconds, notifications / deliverSeconds));
		}
		finally {
			this.poller.start();
		}
	}

	private void warmUp(HttpClient client, URI uri, String body) throws Exception {
		for (int i = 0; i < 200; i++) {
			client.send(request(uri, body), HttpResponse.BodyHandlers.discarding());
		}
		// Let the running poller deliver the warm-up before measuring.
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> this.outbox.backlog().pending() == 0);
	}

	private static HttpRequest request(URI uri, String body) {
		return HttpRequest.newBuilder(uri)
			.header("Authorization", "Bearer " + TestTokens.ENGINE)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private DeliveryWorker worker() {
		Clock clock = Clock.systemUTC();
		return new DeliveryWorker(this.outbox, this.receivers, new RetryBackoff(this.properties, clock),
				new RateLimiter(this.receivers, clock), this.properties,
				new DeliveryMetrics(new SimpleMeterRegistry(), this.outbox, this.receivers, clock), clock);
	}

	private static int drain(DeliveryWorker worker) {
		int total = 0;
		int claimed;
		do {
			claimed = worker.deliverDue();
			total += claimed;
		}
		while (claimed > 0);
		return total;
	}

}
