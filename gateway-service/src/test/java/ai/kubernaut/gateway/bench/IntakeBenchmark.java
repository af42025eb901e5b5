package ai.kubernaut.gateway.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import ai.kubernaut.gateway.GatewayApplication;
import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import ai.kubernaut.gateway.GatewaySandbox;
import ai.kubernaut.gateway.intake.SignalIntake;
import ai.kubernaut.gateway.signal.NormalizedSignal;
import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.testsupport.postgres.TestDatabaseConfiguration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;

/**
 * Intake throughput and latency: single-alert Alertmanager POSTs from many concurrent
 * connections on loopback against the whole gateway (Tomcat, security, Postgres, the
 * sandbox Kubernetes API for owner resolution, the stub engine). A share of the alerts
 * carries a fresh {@code cluster} label, so it has a new fingerprint and creates a
 * remediation; the rest repeat a small set of fingerprints and are duplicates.
 *
 * <p>
 * Not a test: it asserts nothing and runs only when asked ({@code -Dbench=true}); see
 * {@code bench/gateway/README.md}. Prints its figures to standard output.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + GatewayApplication.CONFIG_NAME, "spring.profiles.active=test",
				// Production defaults, not the test profile's phase check on every
				// duplicate.
				"kubernaut.gateway.intake.phase-check-interval=5s", "kubernaut.kubernetes.cache-ttl=5s",
				"logging.level.ai.kubernaut.gateway.intake.SignalIntake=WARN",
				// The sandbox API logs every request it serves at INFO.
				"logging.level.io.fabric8.mockwebserver=WARN" })
@Import(TestDatabaseConfiguration.class)
@ContextConfiguration(initializers = GatewaySandbox.class)
// Without HTTP first: it also finishes warming the JIT for the HTTP run.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntakeBenchmark {

	private static final int CONNECTIONS = Integer.getInteger("bench.connections", 64);

	private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 10));

	private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 30));

	/** Share of requests with a never-seen fingerprint, in percent. */
	private static final int NEW_PERCENT = Integer.getInteger("bench.newPercent", 10);

	private static final int DUPLICATE_FINGERPRINTS = 50;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	SignalIntake intake;

	@Test
	@Order(2)
	void measureIntake() throws Exception {
		String template = new ClassPathResource("alerts/kube-deployment-replicas-mismatch.json")
			.getContentAsString(StandardCharsets.UTF_8);
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build();
		URI uri = URI.create("http://127.0.0.1:" + this.port + "/api/v1/signals/prometheus");
		AtomicLong fresh = new AtomicLong();

		run(http, uri, template, fresh, WARM_UP, null);
		Recorder recorder = new Recorder();
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		double loadBefore = os.getSystemLoadAverage();
		long cpuBefore = os.getProcessCpuTime();
		long started = System.nanoTime();
		run(http, uri, template, fresh, MEASURE, recorder);
		double seconds = (System.nanoTime() - started) / 1e9;
		long cpuNanos = os.getProcessCpuTime() - cpuBefore;
		double loadAfter = os.getSystemLoadAverage();

		long[] latencies = recorder.latencies();
		Arrays.sort(latencies);
		long total = latencies.length;
		System.out.printf("%nGATEWAY INTAKE BENCHMARK%n");
		System.out.printf("connections=%d duration=%.1fs new=%d%% cpus=%d%n", CONNECTIONS, seconds, NEW_PERCENT,
				Runtime.getRuntime().availableProcessors());
		System.out.printf("requests=%d throughput=%.0f/s%n", total, total / seconds);
		System.out.printf("latency ms: p50=%.2f p90=%.2f p99=%.2f max=%.2f%n", percentile(latencies, 50),
				percentile(latencies, 90), percentile(latencies, 99), latencies[latencies.length - 1] / 1e6);
		System.out.printf("statuses: %s%n", recorder.statuses);
		// CPU of this JVM (gateway, load generator, sandbox API, stub engine; not
		// PostgreSQL) per request: less
		// sensitive than throughput to what else the machine is running.
		System.out.printf("jvm cpu per request: %.3f ms; load average %.1f before, %.1f after%n",
				cpuNanos / 1e6 / total, loadBefore, loadAfter);
		Counter fromMemory = this.meters.find("kubernaut.gateway.duplicates.from.memory").counter();
		System.out.printf("duplicates answered from memory (warm-up included): %.0f%n",
				(fromMemory != null) ? fromMemory.count() : 0.0);
		System.out.printf("remediations stored: %d fingerprints%n",
				this.jdbc.sql("select count(*) from signal_dedup").query(Long.class).single());
	}

	/**
	 * The same mix handed straight to {@link SignalIntake#process} from 8 threads,
	 * without HTTP, Tomcat, security or JSON: what the intake itself (owner resolution
	 * from the read cache, fingerprint, dedup, signal log, audit, metrics) costs per
	 * alert.
	 */
	@Test
	@Order(1)
	void measureIntakeWithoutHttp() throws Exception {
		AtomicLong fresh = new AtomicLong();
		runInProcess(fresh, WARM_UP, null);
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		double loadBefore = os.getSystemLoadAverage();
		long cpuBefore = os.getProcessCpuTime();
		LongAdder processed = new LongAdder();
		long started = System.nanoTime();
		runInProcess(fresh, MEASURE, processed);
		double seconds = (System.nanoTime() - started) / 1e9;
		long cpuNanos = os.getProcessCpuTime() - cpuBefore;
		System.out.printf("%nGATEWAY INTAKE WITHOUT HTTP%n");
		System.out.printf("threads=8 duration=%.1fs new=%d%% alerts=%d throughput=%.0f/s%n", seconds, NEW_PERCENT,
				processed.sum(), processed.sum() / seconds);
		System.out.printf("jvm cpu per alert: %.3f ms; load average %.1f before, %.1f after%n",
				cpuNanos / 1e6 / processed.sum(), loadBefore, os.getSystemLoadAverage());
	}

	private void runInProcess(AtomicLong fresh, Duration duration, LongAdder processed) throws Exception {
		long deadline = System.nanoTime() + duration.toNanos();
		ResourceRef checkout = new ResourceRef("Deployment", "demo-shop", "checkout");
		try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				running.add(threads.submit(() -> {
					while (System.nanoTime() < deadline) {
						ThreadLocalRandom random = ThreadLocalRandom.current();
						String cluster = (random.nextInt(100) < NEW_PERCENT) ? "inproc-new-" + fresh.incrementAndGet()
								: "inproc-dup-" + random.nextInt(DUPLICATE_FINGERPRINTS);
						this.intake.process(new NormalizedSignal("prometheus", "KubeDeploymentReplicasMismatch",
								"critical", "demo-shop", cluster,
								Map.of("alertname", "KubeDeploymentReplicasMismatch", "deployment", "checkout",
										"namespace", "demo-shop", "cluster", cluster),
								Map.of(), Instant.now(), false, List.of(checkout)));
						if (processed != null) {
							processed.increment();
						}
					}
					return null;
				}));
			}
			for (Future<?> future : running) {
				future.get();
			}
		}
	}

	private void run(HttpClient http, URI uri, String template, AtomicLong fresh, Duration duration, Recorder recorder)
			throws Exception {
		long deadline = System.nanoTime() + duration.toNanos();
		try (ExecutorService connections = Executors.newFixedThreadPool(CONNECTIONS)) {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < CONNECTIONS; i++) {
				running.add(connections.submit(() -> {
					List<Long> mine = new ArrayList<>();
					while (System.nanoTime() < deadline) {
						ThreadLocalRandom random = ThreadLocalRandom.current();
						String cluster = (random.nextInt(100) < NEW_PERCENT) ? "bench-new-" + fresh.incrementAndGet()
								: "bench-dup-" + random.nextInt(DUPLICATE_FINGERPRINTS);
						String body = template.replace("\"cluster\": \"prod-eu-1\"",
								"\"cluster\": \"" + cluster + "\"");
						HttpRequest request = HttpRequest.newBuilder(uri)
							.header("Content-Type", "application/json")
							.header("Authorization", "Bearer alertmanager-test-token-0001")
							.POST(HttpRequest.BodyPublishers.ofString(body))
							.build();
						long start = System.nanoTime();
						HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
						long elapsed = System.nanoTime() - start;
						if (recorder != null) {
							mine.add(elapsed);
							recorder.status(response.statusCode());
						}
					}
					if (recorder != null) {
						recorder.add(mine);
					}
					return null;
				}));
			}
			for (Future<?> future : running) {
				future.get();
			}
		}
	}

	private static double percentile(long[] sorted, double p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	private static final class Recorder {

		private final List<List<Long>> all = new ArrayList<>();

		private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

		void status(int status) {
			this.statuses.computeIfAbsent(status, (s) -> new LongAdder()).increment();
		}

		synchronized void add(List<Long> latencies) {
			this.all.add(latencies);
		}

		synchronized long[] latencies() {
			return this.all.stream().flatMap(List::stream).mapToLong(Long::longValue).toArray();
		}

	}

}
