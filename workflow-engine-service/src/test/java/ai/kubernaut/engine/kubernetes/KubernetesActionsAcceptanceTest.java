package ai.kubernaut.engine.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ai.kubernaut.actions.mutation.Guardrails;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@KubernetesActionsIntegrationTest
class KubernetesActionsAcceptanceTest {

	static final String WRITER = "test-gateway-token-0123456789";

	@Autowired
	TestRestTemplate http;

	@Autowired
	JsonMapper json;

	@Autowired
	KubernetesClient cluster;

	@Test
	void aFailingThirdStepRestoresWhatTheFirstTwoStepsChangedFromTheirSnapshots() {
		String namespace = namespace("rollback", true);

		JsonNode done = run(Map.of("strategy", Map.of("rollback", "automatic"), "steps",
				List.of(step("raise-memory", "increase_resources", Map.of("MEMORY_INCREASE_FACTOR", "2")),
						step("scale-up", "scale_deployment", Map.of("SCALE_REPLICAS", "+2"), "raise-memory"),
						step("patch-settings", "patch_config_map",
								Map.of("CONFIG_MAP_NAME", "no-such-settings", "DATA", Map.of("LOG_LEVEL", "debug")),
								"scale-up"))),
				namespace, false);

		assertThat(done.get("phase").asString()).isEqualTo("Failed");
		assertThat(phases(done)).containsExactly("rolled-back", "rolled-back", "failed");
		assertThat(done.get("steps").get(2).get("error").asString())
			.contains("ConfigMap " + namespace + "/no-such-settings does not exist");
		Deployment checkout = deployment(namespace);
		assertThat(memory(checkout, "limits")).isEqualTo("64Mi");
		assertThat(memory(checkout, "requests")).isEqualTo("32Mi");
		assertThat(checkout.getSpec().getReplicas()).isEqualTo(2);
	}

	@Test
	void neverWritesToKubeSystemOrToANamespaceNotLabelledManaged() {
		load("kube-system");
		String unmanaged = namespace("unmanaged", false);
		String systemVersion = deployment("kube-system").getMetadata().getResourceVersion();
		String unmanagedVersion = deployment(unmanaged).getMetadata().getResourceVersion();
		Map<String, Object> raise = Map.of("steps",
				List.of(step("raise-memory", "increase_resources", Map.of("MEMORY_INCREASE_FACTOR", "2"))));

		JsonNode system = run(raise, "kube-system", false);
		JsonNode notManaged = run(raise, unmanaged, false);

		assertThat(phases(system)).containsExactly("skipped");
		assertThat(system.get("steps").get(0).get("error").asString()).startsWith("NamespaceDenied: ");
		assertThat(phases(notManaged)).containsExactly("skipped");
		assertThat(notManaged.get("steps").get(0).get("error").asString()).startsWith("NamespaceNotManaged: ")
			.contains("is not labelled kubernaut.ai/managed=true");
		assertThat(deployment("kube-system").getMetadata().getResourceVersion()).isEqualTo(systemVersion);
		assertThat(deployment(unmanaged).getMetadata().getResourceVersion()).isEqualTo(unmanagedVersion);
		assertThat(memory(deployment("kube-system"), "limits")).isEqualTo("64Mi");
	}

	@Test
	void aDryRunOfIncreaseResourcesChangesNothingAndShowsTheDiff() {
		String namespace = namespace("dry-run", true);
		String version = deployment(namespace).getMetadata().getResourceVersion();

		JsonNode done = run(Map.of("steps", List
			.of(step("raise-memory", "increase_resources", Map.of("MEMORY_INCREASE_FACTOR", "2", "CONTAINER", "app")))),
				namespace, true);

		assertThat(done.get("phase").asString()).isEqualTo("Completed");
		JsonNode output = done.get("steps").get(0).get("output");
		assertThat(output.get("dryRun").asBoolean()).isTrue();
		assertThat(output.get("changes").get(0).asString())
			.isEqualTo("spec.template.spec.containers[app].resources.limits.memory: 64Mi -> 128Mi");
		JsonNode diff = output.get("diff").get(0);
		assertThat(diff.get("path").asString()).isEqualTo("/spec/template/spec/containers/0/resources/limits/memory");
		assertThat(diff.get("fromValue").asString()).isEqualTo("64Mi");
		assertThat(diff.get("value").asString()).isEqualTo("128Mi");
		assertThat(deployment(namespace).getMetadata().getResourceVersion()).isEqualTo(version);
		assertThat(memory(deployment(namespace), "limits")).isEqualTo("64Mi");
	}

	@Test
	void refusesABadParameterValueAtSubmissionNamingTheStepAndTheParameter() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("definition", Map.of("steps",
				List.of(step("raise-memory", "increase_resources", Map.of("MEMORY_INCREASE_FACTOR", "x")))));
		body.put("target", Map.of("kind", "Deployment", "namespace", "anywhere", "name", "checkout"));

		ResponseEntity<String> response = post(body);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		JsonNode error = this.json.readTree(response.getBody()).get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("definition.steps[raise-memory]");
		assertThat(error.get("message").asString()).isEqualTo(
				"Step 'raise-memory' (increase_resources): MEMORY_INCREASE_FACTOR must be a number > 1 (and at most 100), got \"x\"");
	}

	private JsonNode run(Map<String, Object> definition, String namespace, boolean dryRun) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("definition", definition);
		body.put("target", Map.of("kind", "Deployment", "namespace", namespace, "name", "checkout"));
		body.put("dryRun", dryRun);
		ResponseEntity<String> created = post(body);
		assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
		String id = this.json.readTree(created.getBody()).get("id").asString();
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.json.readTree(
					this.http
						.exchange("/api/v1/workflow-executions/" + id, HttpMethod.GET, new HttpEntity<>(headers()),
								String.class)
						.getBody()),
					(view) -> List.of("Completed", "Failed", "Cancelled", "TimedOut")
						.contains(view.get("phase").asString()));
	}

	private ResponseEntity<String> post(Map<String, Object> body) {
		return this.http.exchange("/api/v1/workflow-executions", HttpMethod.POST,
				new HttpEntity<>(this.json.writeValueAsString(body), headers()), String.class);
	}

	private static Map<String, Object> step(String id, String action, Map<String, Object> parameters,
			String... dependsOn) {
		return Map.of("id", id, "action", action, "parameters", parameters, "dependsOn", List.of(dependsOn));
	}

	private String namespace(String prefix, boolean managed) {
		String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		NamespaceBuilder namespace = new NamespaceBuilder().withNewMetadata().withName(name).endMetadata();
		if (managed) {
			namespace.editMetadata().addToLabels(Guardrails.MANAGED_LABEL, "true").endMetadata();
		}
		this.cluster.namespaces().resource(namespace.build()).create();
		load(name);
		return name;
	}

	private void load(String namespace) {
		try (InputStream yaml = getClass().getResourceAsStream("/fixtures/kubernetes/checkout.yaml")) {
			for (HasMetadata object : this.cluster.load(yaml).items()) {
				object.getMetadata().setNamespace(namespace);
				this.cluster.resource(object).create();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Deployment deployment(String namespace) {
		return this.cluster.apps().deployments().inNamespace(namespace).withName("checkout").get();
	}

	private static String memory(Deployment deployment, String kind) {
		var resources = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getResources();
		return ("limits".equals(kind) ? resources.getLimits() : resources.getRequests()).get("memory").toString();
	}

	private static List<String> phases(JsonNode view) {
		return view.get("steps").valueStream().map((step) -> step.get("phase").asString()).toList();
	}

	private static HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(WRITER);
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

}
