package ai.kubernaut.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.kubernaut.localstack.sandbox.SandboxControllers;
import ai.kubernaut.testsupport.kubernetes.SandboxKubernetes;

/**
 * {@code bin/local-stack}: the whole suite on one machine with nothing but a JDK. An
 * embedded PostgreSQL keeps its data in {@code .local-stack/}; without a kubeconfig a
 * sandbox Kubernetes API, seeded with demo namespaces and Deployments, stands in for a
 * cluster. Everything runs in this JVM and stops on Ctrl-C.
 */
public final class LocalStack {

	/**
	 * The development token every protected API accepts in the local stack, and only
	 * there.
	 */
	static final String DEV_TOKEN = "local-dev-token";

	/**
	 * How long a sandbox rollout or Job takes, long enough to watch a workflow wait for
	 * it.
	 */
	static final Duration SANDBOX_ROLLOUT_TIME = Duration.ofSeconds(2);

	private final List<AutoCloseable> running = new ArrayList<>();

	public static void main(String[] args) {
		PrintStream out = System.out;
		StackOptions options;
		try {
			options = StackOptions.parse(List.of(args), System.getenv());
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		if (options.help()) {
			out.println(StackOptions.USAGE);
			return;
		}
		Optional<StackLock> lock = StackLock.tryAcquire(options.dataDir());
		if (lock.isEmpty()) {
			System.err.println("A local stack is already running from " + options.dataDir() + " (pid "
					+ StackLock.holder(options.dataDir())
					+ "). Stop it with Ctrl-C in its terminal, or kill that pid.");
			System.exit(3);
			return;
		}
		LocalStack stack = new LocalStack();
		stack.running.add(lock.get());
		Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-stop"));
		try {
			stack.start(options, out);
		}
		catch (RuntimeException ex) {
			System.err.println("The local stack could not start: " + ex.getMessage());
			ex.printStackTrace();
			System.exit(1);
		}
	}

	private void start(StackOptions options, PrintStream out) {
		long started = System.nanoTime();
		PortCheck.requireFree(options);
		LocalDatabase database = LocalDatabase.start(options.dataDir(), options.databasePort(), options.reset());
		this.running.add(database);
		Path kubeconfig;
		String clusterDescription;
		if (options.kubeconfig().isPresent()) {
			kubeconfig = options.kubeconfig().get();
			clusterDescription = "the cluster of " + kubeconfig;
		}
		else {
			SandboxKubernetes sandbox = SandboxKubernetes.start(options.sandboxPort());
			this.running.add(sandbox);
			try (InputStream seed = LocalStack.class.getResourceAsStream("/sandbox/seed.yaml")) {
				sandbox.seed(seed);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.running.add(SandboxControllers.start(sandbox.client(), SANDBOX_ROLLOUT_TIME, Clock.systemUTC()));
			kubeconfig = sandbox.writeKubeconfig(options.dataDir().resolve("kubeconfig"));
			clusterDescription = "sandbox Kubernetes API at " + sandbox.url() + " (kubeconfig " + kubeconfig
					+ "; simulated rollouts and Jobs complete in " + SANDBOX_ROLLOUT_TIME.toSeconds() + " s)";
		}
		Map<ServiceId, Integer> ports = new EnumMap<>(ServiceId.class);
		for (ServiceId service : ServiceId.values()) {
			ports.put(service, service.defaultPort());
		}
		Suite suite = Suite.start(
				new SuiteSettings(database.jdbcUrl(), "postgres", "postgres", kubeconfig, ports, DEV_TOKEN, Map.of()));
		this.running.add(suite);
		CatalogSeeder.Summary catalog = new CatalogSeeder(suite.url(ServiceId.DATA_STORAGE), DEV_TOKEN)
			.seed("classpath:catalog");
		long seconds = (System.nanoTime() - started) / 1_000_000_000L;
		out.println();
		out.println("Kubernaut local stack is ready (" + seconds + " s).");
		out.println("  Kubernetes:  " + clusterDescription);
		out.println("  PostgreSQL:  " + database.jdbcUrl() + " (user postgres, data in " + options.dataDir() + ")");
		out.println("  Catalog:     " + catalog.registered() + " action types and workflows registered"
				+ ((catalog.failed() > 0) ? ", " + catalog.failed() + " rejected (see the log above)" : ""));
		out.println("  Token:       Authorization: Bearer " + DEV_TOKEN);
		out.println("  Swagger UIs:");
		for (ServiceId service : ServiceId.values()) {
			out.printf("    %-24s %s/swagger-ui.html%n", service.serviceName(), suite.url(service));
		}
		out.println("  Try:  curl -H 'Authorization: Bearer " + DEV_TOKEN + "' -H 'Content-Type: application/json' \\");
		out.println("          -d @docs/examples/alert-high-request-latency.json " + suite.url(ServiceId.GATEWAY)
				+ "/api/v1/signals/prometheus");
		out.println("Press Ctrl-C to stop.");
	}

	private synchronized void stop() {
		List<AutoCloseable> reversed = new ArrayList<>(this.running);
		Collections.reverse(reversed);
		for (AutoCloseable closeable : reversed) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				System.err.println("While stopping " + closeable.getClass().getSimpleName() + ": " + ex.getMessage());
			}
		}
		this.running.clear();
	}

}
