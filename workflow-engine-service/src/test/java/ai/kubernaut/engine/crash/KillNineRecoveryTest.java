package ai.kubernaut.engine.crash;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import ai.kubernaut.engine.Fixtures;
import ai.kubernaut.testsupport.kubernetes.SandboxKubernetes;
import ai.kubernaut.testsupport.postgres.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code kill -9} of an engine in the middle of a seven-step run, then a restart: the run
 * completes and no step's change happens twice. The engine runs in child JVMs on a
 * database of its own, so no engine of this test JVM can take part.
 */
class KillNineRecoveryTest {

	static final String TOKEN = "crash-test-token-0123456789";

	static final String NAMESPACE = "crash";

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final JsonMapper json = JsonMapper.builder().build();

	final List<EngineProcess> engines = new ArrayList<>();

	SandboxKubernetes cluster;

	@AfterEach
	void stopEverything() {
		this.engines.forEach(EngineProcess::kill);
		if (this.cluster != null) {
			this.cluster.close();
		}
	}

	@Test
	void aRunKilledMidWayCompletesAfterARestartWithoutRepeatingAStep(@TempDir Path dir) throws Exception {
		this.cluster = SandboxKubernetes.start(0);
		for (String name : List.of("d1", "d2", "d4", "d5", "d6", "d7")) {
			String yaml = new String(Fixtures.deployment(NAMESPACE, name, 1).readAllBytes(), StandardCharsets.UTF_8);
			// The fixture starts with its Namespace; create it once.
			this.cluster
				.seed(new ByteArrayInputStream((name.equals("d1") ? yaml : yaml.substring(yaml.indexOf("\n---") + 4))
					.getBytes(StandardCharsets.UTF_8)));
		}
		Path kubeconfig = this.cluster.writeKubeconfig(dir.resolve("kubeconfig"));
		List<String> arguments = arguments(freshDatabase(), kubeconfig);

		EngineProcess first = start("first", arguments);
		String body = Files
			.readString(Path.of(getClass().getResource("/fixtures/workflows/seven-steps-across-a-crash.json").toURI()))
			.replace("NAMESPACE", NAMESPACE);
		JsonNode submitted = send(first, "POST", "/api/v1/workflow-executions", body);
		String id = submitted.get("id").asString();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> phaseOf(send(first, "GET", "/api/v1/workflow-executions/" + id, null), "s3"),
					"running"::equals);

		first.kill();
		assertThat(replicas("d1")).isEqualTo(2);
		assertThat(replicas("d4")).as("nothing after the wait ran before the crash").isEqualTo(1);

		EngineProcess restarted = start("restarted", arguments);
		JsonNode done = await().atMost(Duration.ofSeconds(60))
			.until(() -> send(restarted, "GET", "/api/v1/workflow-executions/" + id, null),
					(view) -> !List.of("Pending", "Running").contains(view.get("phase").asString()));

		assertThat(done.get("phase").asString()).as(restarted.log()).isEqualTo("Completed");
		for (String name : List.of("d1", "d2", "d4", "d5", "d6", "d7")) {
			assertThat(replicas(name)).as("%s scaled by +1 exactly once", name).isEqualTo(2);
		}
		assertThat(done.get("steps"))
			.allSatisfy((step) -> assertThat(step.get("attempts").asInt()).as("step %s", step.get("id").asString())
				.isEqualTo(1));
	}

	private EngineProcess start(String name, List<String> arguments) {
		EngineProcess engine = EngineProcess.start(name, arguments);
		this.engines.add(engine);
		return engine;
	}

	private int replicas(String name) {
		return this.cluster.client()
			.apps()
			.deployments()
			.inNamespace(NAMESPACE)
			.withName(name)
			.get()
			.getSpec()
			.getReplicas();
	}

	private static String phaseOf(JsonNode execution, String stepId) {
		for (JsonNode step : execution.get("steps")) {
			if (stepId.equals(step.get("id").asString())) {
				return step.get("phase").asString();
			}
		}
		return null;
	}

	private JsonNode send(EngineProcess engine, String method, String path, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(engine.url() + path))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "application/json");
		request = (body != null) ? request.method(method, HttpRequest.BodyPublishers.ofString(body))
				: request.method(method, HttpRequest.BodyPublishers.noBody());
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
		return this.json.readTree(response.body());
	}

	/**
	 * A database of this test's own on the test PostgreSQL.
	 */
	private static String freshDatabase() throws SQLException {
		TestPostgres.Database database = TestPostgres.get();
		String name = "crash_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
				database.password()); Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		String url = database.jdbcUrl();
		int query = url.indexOf('?');
		String base = (query < 0) ? url : url.substring(0, query);
		return base.substring(0, base.lastIndexOf('/') + 1) + name + ((query < 0) ? "" : url.substring(query));
	}

	private static List<String> arguments(String databaseUrl, Path kubeconfig) {
		TestPostgres.Database database = TestPostgres.get();
		return List.of("--server.port=0", "--spring.datasource.url=" + databaseUrl,
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(),
				"--kubernaut.kubernetes.kubeconfig=" + kubeconfig, "--kubernaut.security.tokens[0].name=crash-test",
				"--kubernaut.security.tokens[0].token=" + TOKEN, "--kubernaut.security.tokens[0].roles=read,write",
				"--kubernaut.engine.native-catalog.register-on-startup=false", "--kubernaut.engine.executions.lease=2s",
				"--kubernaut.engine.executions.poll-interval=100ms",
				"--kubernaut.engine.clients.data-storage.base-url=http://127.0.0.1:9",
				"--kubernaut.engine.clients.notification.base-url=http://127.0.0.1:9",
				"--kubernaut.engine.clients.approval.base-url=http://127.0.0.1:9",
				"--kubernaut.audit.data-storage.base-url=http://127.0.0.1:9", "--logging.level.root=WARN",
				"--logging.level.ai.kubernaut=INFO");
	}

}
