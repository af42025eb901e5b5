package ai.kubernaut.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import ai.kubernaut.testsupport.kubernetes.SandboxKubernetes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engine's native catalog on the whole suite: registered beside Kubernaut's catalog
 * at start-up, and native IncreaseMemoryLimits run by catalog id against the seeded
 * {@code demo-shop/inventory} Deployment (64Mi), first as a dry run, then for real. The
 * Deployment is read back from the sandbox API over plain HTTP, as {@code curl} would.
 */
@ExtendWith(SharedSuite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NativeCatalogEndToEndTest {

	static final String TOKEN = SharedSuite.TOKEN;

	static final String WORKFLOW = "native-increase-memory-limits-v1";

	static final String DEPLOYMENT_PATH = "/apis/apps/v1/namespaces/demo-shop/deployments/inventory";

	static final Map<String, String> TARGET = Map.of("kind", "Deployment", "namespace", "demo-shop", "name",
			"inventory");

	static final JsonMapper json = JsonMapper.builder().build();

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static SandboxKubernetes sandbox;

	static Suite suite;

	@BeforeAll
	static void useTheSharedSuite(SharedSuite.Running running) {
		sandbox = running.sandbox();
		suite = running.suite();
	}

	@Test
	@Order(1)
	void registersTheNativeCatalogBesideKubernautsAtStartUp() {
		JsonNode nativeWorkflow = awaitRegistered(WORKFLOW);

		assertThat(nativeWorkflow.path("status").asString()).isEqualTo("Active");
		assertThat(nativeWorkflow.path("executionEngine").asString()).isEqualTo("dag");
		assertThat(nativeWorkflow.path("actionType").asString()).isEqualTo("IncreaseMemoryLimits");
		JsonNode kubernauts = get(ServiceId.DATA_STORAGE, "/api/v1/workflows?workflow_name=increase-memory-limits-v1");
		assertThat(kubernauts.path("workflows")).hasSize(1);
		assertThat(kubernauts.path("workflows").get(0).path("executionEngine").asString()).isEqualTo("job");
	}

	@Test
	@Order(2)
	void aDryRunShowsTheDiffAndChangesNothing() {
		JsonNode before = deployment();

		JsonNode execution = runToTheEnd(true);

		assertThat(execution.path("phase").asString()).as(execution.toString()).isEqualTo("Completed");
		assertThat(execution.path("dryRun").asBoolean()).isTrue();
		JsonNode increase = step(execution, "increase-memory");
		assertThat(increase.path("phase").asString()).isEqualTo("completed");
		assertThat(increase.path("output").path("dryRun").asBoolean()).isTrue();
		assertThat(increase.path("output").path("diff").toString()).contains("128Mi").contains("64Mi");
		assertThat(increase.path("output").path("changes").toString())
			.contains("resources.limits.memory: 64Mi -> 128Mi")
			.contains("resources.requests.memory: 64Mi -> 128Mi");
		JsonNode after = deployment();
		assertThat(memory(after, "limits")).isEqualTo("64Mi");
		assertThat(memory(after, "requests")).isEqualTo("64Mi");
		assertThat(after.path("metadata").path("generation")).isEqualTo(before.path("metadata").path("generation"));
	}

	@Test
	@Order(3)
	void doublesTheMemoryLimitRaisesTheRequestAndWaitsForTheRollout() {
		JsonNode execution = runToTheEnd(false);

		assertThat(execution.path("phase").asString()).as(execution.toString()).isEqualTo("Completed");
		assertThat(step(execution, "increase-memory").path("phase").asString()).isEqualTo("completed");
		assertThat(step(execution, "wait-for-rollout").path("phase").asString()).isEqualTo("completed");
		JsonNode deployment = deployment();
		assertThat(memory(deployment, "limits")).isEqualTo("128Mi");
		assertThat(memory(deployment, "requests")).isEqualTo("128Mi");
		assertThat(deployment.path("status").path("observedGeneration"))
			.isEqualTo(deployment.path("metadata").path("generation"));
	}

	private static JsonNode runToTheEnd(boolean dryRun) {
		String workflowId = awaitRegistered(WORKFLOW).path("workflowId").asString();
		HttpResponse<String> created = post(ServiceId.WORKFLOW_ENGINE, "/api/v1/workflow-executions",
				Map.of("workflowId", workflowId, "target", TARGET, "parameters", Map.of(), "dryRun", dryRun));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = json.readTree(created.body()).path("id").asString();
		JsonNode[] last = new JsonNode[1];
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
			last[0] = get(ServiceId.WORKFLOW_ENGINE, "/api/v1/workflow-executions/" + id);
			return switch (last[0].path("phase").asString()) {
				case "Completed", "Failed", "Cancelled", "TimedOut" -> true;
				default -> false;
			};
		});
		return last[0];
	}

	private static JsonNode awaitRegistered(String name) {
		JsonNode[] found = new JsonNode[1];
		// The engine registers its catalog in the background, once Kubernaut's action
		// types are in data-storage.
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
			JsonNode workflows = get(ServiceId.DATA_STORAGE, "/api/v1/workflows?workflow_name=" + name)
				.path("workflows");
			found[0] = workflows.isEmpty() ? null : workflows.get(0);
			return found[0] != null;
		});
		return found[0];
	}

	private static JsonNode step(JsonNode execution, String id) {
		for (JsonNode step : execution.path("steps")) {
			if (id.equals(step.path("id").asString())) {
				return step;
			}
		}
		throw new AssertionError("no step " + id + " in " + execution);
	}

	private static String memory(JsonNode deployment, String kind) {
		return deployment.path("spec")
			.path("template")
			.path("spec")
			.path("containers")
			.get(0)
			.path("resources")
			.path(kind)
			.path("memory")
			.asString();
	}

	/**
	 * The Deployment as the sandbox API serves it.
	 */
	private static JsonNode deployment() {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(URI.create(sandbox.url() + DEPLOYMENT_PATH)).GET().build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static JsonNode get(ServiceId service, String path) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(suite.url(service).resolve(path))
			.header("Authorization", "Bearer " + TOKEN)
			.GET()
			.build());
		assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static HttpResponse<String> post(ServiceId service, String path, Object body) {
		return send(HttpRequest.newBuilder(suite.url(service).resolve(path))
			.header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build());
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not call " + request.uri(), ex);
		}
	}

}
