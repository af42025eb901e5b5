package ai.kubernaut.localstack;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import ai.kubernaut.testsupport.postgres.TestPostgres;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton against a real Kubernetes API server (K3s in a container), where
 * controllers create the ReplicaSets and Pods the gateway resolves owners through. Runs
 * only where a Docker engine answers; elsewhere JUnit reports it as skipped, and the
 * sandbox-based end-to-end test covers the same path.
 */
@Testcontainers(disabledWithoutDocker = true)
class WalkingSkeletonOnK3sTest {

	static final String TOKEN = "k3s-test-token-0123456789";

	@Container
	static final K3sContainer k3s = new K3sContainer(DockerImageName.parse("rancher/k3s:v1.32.4-k3s1"));

	@Test
	void scalesARealDeploymentFromAnAlert(@TempDir Path tmp) throws Exception {
		Path kubeconfig = Files.writeString(tmp.resolve("kubeconfig"), k3s.getKubeConfigYaml());
		try (KubernetesClient cluster = new KubernetesClientBuilder()
			.withConfig(Config.fromKubeconfig(k3s.getKubeConfigYaml()))
			.build(); InputStream seed = LocalStack.class.getResourceAsStream("/sandbox/seed.yaml")) {
			cluster.load(seed).serverSideApply();
			await().atMost(Duration.ofMinutes(2))
				.until(() -> !cluster.pods()
					.inNamespace("demo-shop")
					.withLabel("app", "checkout")
					.list()
					.getItems()
					.isEmpty());

			Map<ServiceId, Integer> ports = new EnumMap<>(ServiceId.class);
			for (ServiceId service : ServiceId.values()) {
				ports.put(service, 0);
			}
			TestPostgres.Database database = TestPostgres.get();
			try (Suite suite = Suite.start(new SuiteSettings(database.jdbcUrl(), database.username(),
					database.password(), kubeconfig, ports, TOKEN, Map.of()))) {
				new CatalogSeeder(suite.url(ServiceId.DATA_STORAGE), TOKEN).seed("classpath:catalog");
				NativeCatalogRegistered.await(suite.url(ServiceId.DATA_STORAGE), TOKEN, Duration.ofMinutes(1));
				String alert = Files.readString(Path.of("..", "docs", "examples", "alert-high-request-latency.json"))
					.replaceAll("\"startsAt\"\\s*:\\s*\"[^\"]*\"", "\"startsAt\": \"" + Instant.now() + "\"");
				HttpClient http = HttpClient.newHttpClient();
				HttpResponse<String> created = http
					.send(HttpRequest.newBuilder(suite.url(ServiceId.GATEWAY).resolve("/api/v1/signals/prometheus"))
						.header("Authorization", "Bearer " + TOKEN)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(alert))
						.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
				String remediationId = JsonMapper.builder()
					.build()
					.readTree(created.body())
					.path("remediationId")
					.asString();
				URI remediation = suite.url(ServiceId.WORKFLOW_ENGINE).resolve("/api/v1/remediations/" + remediationId);

				await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
					JsonNode view = JsonMapper.builder()
						.build()
						.readTree(http.send(
								HttpRequest.newBuilder(remediation).header("Authorization", "Bearer " + TOKEN).build(),
								HttpResponse.BodyHandlers.ofString())
							.body());
					assertThat(view.path("phase").asString()).isEqualTo("COMPLETED");
				});
				assertThat(cluster.apps()
					.deployments()
					.inNamespace("demo-shop")
					.withName("checkout")
					.get()
					.getSpec()
					.getReplicas()).isEqualTo(3);

				// The native catalog on a real API server: a dry run is honoured by the
				// server
				// itself, and the rollout is waited for on real controllers.
				JsonNode dryRun = runIncreaseMemoryLimits(http, suite, true);
				assertThat(dryRun.path("phase").asString()).as(dryRun.toString()).isEqualTo("Completed");
				assertThat(dryRun.toString()).contains("64Mi -> 128Mi");
				assertThat(inventoryMemoryLimit(cluster)).isEqualTo("64Mi");
				JsonNode applied = runIncreaseMemoryLimits(http, suite, false);
				assertThat(applied.path("phase").asString()).as(applied.toString()).isEqualTo("Completed");
				assertThat(inventoryMemoryLimit(cluster)).isEqualTo("128Mi");
			}
		}
	}

	private static JsonNode runIncreaseMemoryLimits(HttpClient http, Suite suite, boolean dryRun) throws Exception {
		JsonMapper json = JsonMapper.builder().build();
		String body = json.writeValueAsString(Map.of("workflowId", nativeWorkflowId(http, suite), "target",
				Map.of("kind", "Deployment", "namespace", "demo-shop", "name", "inventory"), "dryRun", dryRun));
		URI executions = suite.url(ServiceId.WORKFLOW_ENGINE).resolve("/api/v1/workflow-executions");
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(executions)
			.header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		URI execution = executions
			.resolve("/api/v1/workflow-executions/" + json.readTree(created.body()).path("id").asString());
		return await().atMost(Duration.ofMinutes(3))
			.until(() -> json.readTree(
					http.send(HttpRequest.newBuilder(execution).header("Authorization", "Bearer " + TOKEN).build(),
							HttpResponse.BodyHandlers.ofString())
						.body()),
					(view) -> !List.of("Pending", "Running").contains(view.path("phase").asString()));
	}

	private static String nativeWorkflowId(HttpClient http, Suite suite) throws Exception {
		HttpResponse<String> found = http.send(HttpRequest
			.newBuilder(suite.url(ServiceId.DATA_STORAGE)
				.resolve("/api/v1/workflows?workflow_name=native-increase-memory-limits-v1"))
			.header("Authorization", "Bearer " + TOKEN)
			.build(), HttpResponse.BodyHandlers.ofString());
		return JsonMapper.builder()
			.build()
			.readTree(found.body())
			.path("workflows")
			.get(0)
			.path("workflowId")
			.asString();
	}

	private static String inventoryMemoryLimit(KubernetesClient cluster) {
		return cluster.apps()
			.deployments()
			.inNamespace("demo-shop")
			.withName("inventory")
			.get()
			.getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.get(0)
			.getResources()
			.getLimits()
			.get("memory")
			.toString();
	}

}
