package ai.kubernaut.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import ai.kubernaut.localstack.sandbox.SandboxControllers;
import ai.kubernaut.testsupport.kubernetes.SandboxKubernetes;
import ai.kubernaut.testsupport.postgres.TestPostgres;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.util.FileSystemUtils;

/**
 * The whole suite, started once per test JVM and shared by every test class that asks for
 * a {@link Running} parameter: five Spring contexts take most of this module's test time,
 * so starting them per class would multiply it. Closed when the test run ends.
 */
final class SharedSuite implements ParameterResolver {

	static final String TOKEN = "e2e-test-token-0123456789";

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedSuite.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Running.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Running.class, (key) -> Running.start(), Running.class);
	}

	/**
	 * The started suite, its sandbox Kubernetes API and what seeding the catalog gave.
	 */
	record Running(Suite suite, SandboxKubernetes sandbox, SandboxControllers controllers,
			CatalogSeeder.Summary catalog, Path workDirectory) implements AutoCloseable {

		static Running start() {
			TestPostgres.Database database = TestPostgres.get();
			SandboxKubernetes sandbox = SandboxKubernetes.start(0);
			SandboxControllers controllers = SandboxControllers.start(sandbox.client(), Duration.ofMillis(200),
					Clock.systemUTC());
			Suite suite = null;
			try {
				Path workDirectory = Files.createTempDirectory("kubernaut-suite");
				try (InputStream seed = LocalStack.class.getResourceAsStream("/sandbox/seed.yaml")) {
					sandbox.seed(seed);
				}
				Map<ServiceId, Integer> ports = new EnumMap<>(ServiceId.class);
				Map<ServiceId, Map<String, String>> extra = new EnumMap<>(ServiceId.class);
				for (ServiceId service : ServiceId.values()) {
					ports.put(service, 0);
					// Sorted keys make the exported API documents comparable between
					// runs.
					extra.put(service, Map.of("springdoc.writer-with-order-by-keys", "true"));
				}
				// The native catalog waits for Kubernaut's action types, which are seeded
				// after
				// start-up; short pauses keep that wait short.
				extra.put(ServiceId.WORKFLOW_ENGINE,
						Map.of("springdoc.writer-with-order-by-keys", "true",
								"kubernaut.engine.native-catalog.initial-backoff", "500ms",
								"kubernaut.engine.native-catalog.max-backoff", "2s"));
				suite = Suite.start(new SuiteSettings(database.jdbcUrl(), database.username(), database.password(),
						sandbox.writeKubeconfig(workDirectory.resolve("kubeconfig")), ports, TOKEN, extra));
				CatalogSeeder.Summary catalog = new CatalogSeeder(suite.url(ServiceId.DATA_STORAGE), TOKEN)
					.seed("classpath:catalog");
				// Workflow selection prefers native workflows on equal scores, so every
				// test
				// starts once the engine's catalog is in, never halfway through it.
				NativeCatalogRegistered.await(suite.url(ServiceId.DATA_STORAGE), TOKEN, Duration.ofSeconds(60));
				return new Running(suite, sandbox, controllers, catalog, workDirectory);
			}
			catch (IOException | RuntimeException ex) {
				if (suite != null) {
					suite.close();
				}
				controllers.close();
				sandbox.close();
				throw (ex instanceof IOException io) ? new UncheckedIOException(io) : (RuntimeException) ex;
			}
		}

		@Override
		public void close() throws IOException {
			this.suite.close();
			this.controllers.close();
			this.sandbox.close();
			FileSystemUtils.deleteRecursively(this.workDirectory);
		}

	}

}
