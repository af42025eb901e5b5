package ai.kubernaut.datastorage.catalog.registration;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ai.kubernaut.datastorage.CatalogApi;
import ai.kubernaut.datastorage.CatalogApi.Response;
import ai.kubernaut.datastorage.DataStorageServiceTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@DataStorageServiceTest
class CatalogRegistrationTest {

	private static final String ACTION_TYPES = "/api/v1/action-types";

	private static final String WORKFLOWS = "/api/v1/workflows";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RestTestClient client;

	@Autowired
	MeterRegistry meters;

	CatalogApi api;

	@BeforeEach
	void emptyCatalog() {
		CatalogApi.emptyCatalog(this.jdbc);
		this.api = new CatalogApi(this.client);
	}

	@Test
	void registersTheWholePublishedCatalogOnceAndAcceptsItAgainUnchanged() throws Exception {
		List<Path> actionTypes = files("kubernaut-catalog/action-types");
		List<Path> workflows = files("kubernaut-catalog/workflows");
		assertThat(actionTypes).hasSize(35);
		assertThat(workflows).hasSize(34);

		for (Path file : actionTypes) {
			Response created = this.api.postYaml(ACTION_TYPES, Files.readString(file));
			assertThat(created.status()).as(file.toString()).isEqualTo(201);
			assertThat(created.text("status")).isEqualTo("created");
		}
		for (Path file : workflows) {
			String content = Files.readString(file);
			Response created = this.api.postYaml(WORKFLOWS, content);
			assertThat(created.status()).as(file.toString() + ": " + created.body()).isEqualTo(201);
			WorkflowIdentity identity = WorkflowIdentity.of(content);
			assertThat(created.text("workflowId")).isEqualTo(identity.workflowId().toString());
			assertThat(created.text("contentHash")).isEqualTo(identity.contentHash());
			assertThat(created.text("content")).isEqualTo(content);
		}

		for (Path file : actionTypes) {
			Response again = this.api.postYaml(ACTION_TYPES, Files.readString(file));
			assertThat(again.status()).isEqualTo(200);
			assertThat(again.text("status")).isEqualTo("exists");
			assertThat(again.body().path("wasReenabled").asBoolean()).isFalse();
		}
		for (Path file : workflows) {
			String content = Files.readString(file);
			Response again = this.api.postYaml(WORKFLOWS, content);
			assertThat(again.status()).as(file.toString()).isEqualTo(200);
			assertThat(again.text("workflowId")).isEqualTo(WorkflowIdentity.of(content).workflowId().toString());
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM remediation_workflow_catalog WHERE status = 'Active'")
			.query(Long.class)
			.single()).isEqualTo(34);
	}

	@Test
	void answersWithKubernautsWorkflowObject() {
		registerActionType("rollback-deployment");

		Response created = this.api.postYaml(WORKFLOWS,
				CatalogApi.resource("kubernaut-catalog/workflows/crashloop-rollback-risk-v1.yaml"));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.headers().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		JsonNode workflow = created.body();
		assertThat(workflow.path("workflowName").asString()).isEqualTo("crashloop-rollback-risk-v1");
		assertThat(workflow.path("name").asString()).isEqualTo("crashloop-rollback-risk-v1");
		assertThat(workflow.path("version").asString()).isEqualTo("1.5.3");
		assertThat(workflow.path("schemaVersion").asString()).isEqualTo("1.0");
		assertThat(workflow.path("actionType").asString()).isEqualTo("RollbackDeployment");
		assertThat(workflow.path("description").path("preconditions").asString()).startsWith("The Deployment has");
		assertThat(workflow.path("labels")).isEqualTo(
				CatalogApi.json("{\"severity\":[\"critical\",\"high\",\"info\"],\"environment\":[\"production\"],"
						+ "\"component\":[\"apps/v1/Deployment\"],\"priority\":\"*\"}"));
		assertThat(workflow.path("customLabels").toString()).isEqualTo("{\"risk_tolerance\":[\"low\"]}");
		assertThat(workflow.path("detectedLabels").toString()).isEqualTo("{}");
		assertThat(workflow.path("parameters").path("schema").path("parameters")).hasSize(3);
		assertThat(workflow.path("executionEngine").asString()).isEqualTo("job");
		assertThat(workflow.path("executionBundle").asString())
			.startsWith("quay.io/kubernaut-cicd/test-workflows/crashloop-rollback-job@sha256:");
		assertThat(workflow.path("executionBundleDigest").asString())
			.isEqualTo("d2488483a61afe4936c64fcd6ea5e807636b0c13d970fd4f8a25f9096f01e9d5");
		assertThat(workflow.path("serviceAccountName").asString()).isEqualTo("crashloop-rollback-risk-v1-runner");
		assertThat(workflow.path("status").asString()).isEqualTo("Active");
		assertThat(workflow.path("isLatestVersion").asBoolean()).isTrue();
		assertThat(workflow.propertyNames()).containsExactlyInAnyOrder("workflowId", "workflowName", "version",
				"schemaVersion", "name", "description", "content", "contentHash", "actionType", "parameters",
				"executionEngine", "executionBundle", "executionBundleDigest", "serviceAccountName", "labels",
				"customLabels", "detectedLabels", "status", "isLatestVersion", "createdAt", "updatedAt", "createdBy",
				"updatedBy");
		assertThat(workflow.path("createdBy").asString()).isEqualTo("catalog-admin");
		assertThat(workflow.path("createdAt").asString()).isNotBlank();
	}

	@Test
	void chartDemoVersionOfAWorkflowSupersedesThePublishedVersionOfTheSameName() {
		// Same metadata.name, different content: the chart ships 1.0.0, the demo
		// repository 1.5.3. A different
		// version is a new version, whatever its number: the later registration becomes
		// the one discovery returns.
		registerActionType("rollback-deployment");
		Response demo = this.api.postYaml(WORKFLOWS,
				CatalogApi.resource("kubernaut-catalog/workflows/crashloop-rollback-risk-v1.yaml"));
		assertThat(demo.status()).isEqualTo(201);

		Response chart = this.api.postYaml(WORKFLOWS,
				CatalogApi.resource("kubernaut-catalog/chart-demo-content/workflows/crashloop-rollback-risk-v1.yaml"));

		assertThat(chart.status()).isEqualTo(201);
		assertThat(chart.text("version")).isEqualTo("1.0.0");
		assertThat(chart.text("previousVersion")).isEqualTo("1.5.3");
		assertThat(chart.body().path("isLatestVersion").asBoolean()).isTrue();
		assertThat(chart.body().path("labels").path("component").toString()).isEqualTo("[\"*\"]");
		Response superseded = this.api.get(WORKFLOWS + "/" + demo.text("workflowId"));
		assertThat(superseded.text("status")).isEqualTo("Superseded");
		assertThat(superseded.body().path("isLatestVersion").asBoolean()).isFalse();
		assertThat(discoverableRollbacks()).containsExactly(chart.text("workflowId"));

		Response demoAgain = this.api.postYaml(WORKFLOWS,
				CatalogApi.resource("kubernaut-catalog/workflows/crashloop-rollback-risk-v1.yaml"));

		assertThat(demoAgain.status()).isEqualTo(201);
		assertThat(demoAgain.text("workflowId")).isEqualTo(demo.text("workflowId"));
		assertThat(demoAgain.text("status")).isEqualTo("Active");
		assertThat(demoAgain.text("statusReason")).isEqualTo("reactivated: registered again by catalog-admin");
		assertThat(this.api.get(WORKFLOWS + "/" + chart.text("workflowId")).text("status")).isEqualTo("Superseded");
		assertThat(this.jdbc.sql("SELECT status_reason FROM remediation_workflow_catalog WHERE version = '1.0.0'")
			.query(String.class)
			.single()).isEqualTo("superseded: new version 1.5.3 registered (was 1.0.0)");
		assertThat(discoverableRollbacks()).containsExactly(demo.text("workflowId"));
	}

	@Test
	void refusesToChangeTheContentOfARegisteredVersion() {
		registerActionType("scale-replicas");
		String original = CatalogApi.resource("kubernaut-catalog/workflows/scale-replicas-v1.yaml");
		Response registered = this.api.postYaml(WORKFLOWS, original);
		double conflictsBefore = registrations("workflow", "conflict");

		Response changed = this.api.postYaml(WORKFLOWS,
				original.replace("    - high\n", "    - high\n    - warning\n"));

		assertThat(changed.status()).isEqualTo(409);
		assertThat(changed.text("type")).isEqualTo("https://kubernaut.ai/problems/content-integrity-violation");
		assertThat(changed.text("detail")).contains("scale-replicas-v1 version 1.5.3", "bump the version");
		assertThat(changed.text("existingWorkflowId")).isEqualTo(registered.text("workflowId"));
		assertThat(registrations("workflow", "conflict")).isEqualTo(conflictsBefore + 1);
		assertThat(this.api.get(WORKFLOWS + "/" + registered.text("workflowId")).text("status")).isEqualTo("Active");
	}

	@Test
	void reportsEveryViolationOfABrokenWorkflowAtOnce() {
		registerActionType("scale-replicas");

		Response invalid = this.api.postYaml(WORKFLOWS, CatalogApi.resource("registration/broken-workflow.yaml"));

		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(invalid.text("type")).isEqualTo("https://kubernaut.ai/problems/validation-error");
		List<String> fields = new ArrayList<>();
		invalid.body().path("errors").forEach((error) -> {
			assertThat(error.path("message").asString()).isNotBlank();
			fields.add(error.path("field").asString());
		});
		assertThat(fields).hasSize(15)
			.contains("metadata.name", "spec.labels.environment", "spec.execution.bundle", "spec.parameters[1].type");
		assertThat(this.jdbc.sql("SELECT count(*) FROM remediation_workflow_catalog").query(Long.class).single())
			.isZero();
	}

	@Test
	void refusesAWorkflowWhoseActionTypeIsNotRegistered() {
		Response invalid = this.api.postYaml(WORKFLOWS,
				CatalogApi.resource("kubernaut-catalog/workflows/scale-replicas-v1.yaml"));

		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.body().path("errors").path(0).path("field").asString()).isEqualTo("spec.actionType");
		assertThat(invalid.body().path("errors").path(0).path("message").asString())
			.isEqualTo("action_type 'ScaleReplicas' is not in the action type taxonomy; register the ActionType first");
	}

	@Test
	void acceptsKubernautsJsonBodies() {
		Response actionType = this.api.postJson(ACTION_TYPES, Map.of("name", "ScaleReplicas", "registeredBy", "alice",
				"description", Map.of("what", "Horizontally scale a workload.", "whenToUse", "Saturation.")));
		Response workflow = this.api.postJson(WORKFLOWS,
				Map.of("content", CatalogApi.resource("kubernaut-catalog/workflows/scale-replicas-v1.yaml"), "source",
						"api", "registeredBy", "alice"));
		Response legacy = this.api.postJson(WORKFLOWS, Map.of("content", "x", "schemaImage", "quay.io/x/schema:1"));
		Response noContent = this.api.postJson(WORKFLOWS, Map.of("source", "api"));

		assertThat(actionType.status()).isEqualTo(201);
		assertThat(actionType.body()).isEqualTo(CatalogApi.json("{\"actionType\":\"ScaleReplicas\",\"description\":"
				+ "{\"what\":\"Horizontally scale a workload.\",\"whenToUse\":\"Saturation.\"},\"status\":\"created\","
				+ "\"wasReenabled\":false}"));
		assertThat(workflow.status()).isEqualTo(201);
		assertThat(workflow.text("createdBy")).isEqualTo("catalog-admin");
		assertThat(legacy.status()).isEqualTo(400);
		assertThat(legacy.text("type")).isEqualTo("https://kubernaut.ai/problems/legacy-format");
		assertThat(noContent.status()).isEqualTo(400);
		assertThat(noContent.body().path("errors").path(0).path("field").asString()).isEqualTo("content");
	}

	@Test
	void acceptsTheXYamlMediaTypeAndActionTypesWrappedInJson() {
		Response wrapped = this.api.postJson(ACTION_TYPES,
				Map.of("content", CatalogApi.resource("kubernaut-catalog/action-types/restart-pod.yaml")));
		Response xYaml = this.api.post(WORKFLOWS, MediaType.parseMediaType("application/x-yaml"),
				CatalogApi.resource("registration/dag-workflow.yaml")
					.replace("ScaleReplicas", "RestartPod")
					.getBytes(StandardCharsets.UTF_8),
				CatalogApi.ADMIN_TOKEN);

		assertThat(wrapped.status()).isEqualTo(201);
		assertThat(wrapped.text("actionType")).isEqualTo("RestartPod");
		assertThat(xYaml.status()).isEqualTo(201);
		assertThat(xYaml.text("executionEngine")).isEqualTo("dag");
		assertThat(xYaml.body().path("engineConfig").path("steps").path(0).path("action").asString())
			.isEqualTo("ScaleDeployment");
	}

	@Test
	void reenablesADisabledActionTypeAndADisabledWorkflowWhenRegisteredAgain() {
		registerActionType("scale-replicas");
		Response workflow = this.api.postYaml(WORKFLOWS,
				CatalogApi.resource("kubernaut-catalog/workflows/scale-replicas-v1.yaml"));
		this.jdbc.sql("UPDATE action_type_taxonomy SET status = 'Disabled'").update();
		this.jdbc.sql("UPDATE remediation_workflow_catalog SET status = 'Disabled'").update();

		Response actionType = this.api.postYaml(ACTION_TYPES,
				CatalogApi.resource("kubernaut-catalog/action-types/scale-replicas.yaml"));
		Response again = this.api.postYaml(WORKFLOWS,
				CatalogApi.resource("kubernaut-catalog/workflows/scale-replicas-v1.yaml"));

		assertThat(actionType.status()).isEqualTo(200);
		assertThat(actionType.text("status")).isEqualTo("reenabled");
		assertThat(actionType.body().path("wasReenabled").asBoolean()).isTrue();
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.text("workflowId")).isEqualTo(workflow.text("workflowId"));
		assertThat(again.text("status")).isEqualTo("Active");
		assertThat(again.body().path("isLatestVersion").asBoolean()).isTrue();
	}

	@Test
	void refusesToReviveADeprecatedWorkflow() {
		registerActionType("scale-replicas");
		this.api.postYaml(WORKFLOWS, CatalogApi.resource("kubernaut-catalog/workflows/scale-replicas-v1.yaml"));
		this.jdbc.sql("UPDATE remediation_workflow_catalog SET status = 'Deprecated'").update();

		Response again = this.api.postYaml(WORKFLOWS,
				CatalogApi.resource("kubernaut-catalog/workflows/scale-replicas-v1.yaml"));

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.text("type")).isEqualTo("https://kubernaut.ai/problems/workflow-status-conflict");
	}

	@Test
	void refusesOtherMediaTypesAndBodiesOverTwoMebibytes() {
		String workflow = CatalogApi.resource("kubernaut-catalog/workflows/scale-replicas-v1.yaml");
		byte[] oversized = (workflow + "#".repeat(2 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);

		Response plainText = this.api.post(WORKFLOWS, MediaType.TEXT_PLAIN, workflow.getBytes(StandardCharsets.UTF_8),
				CatalogApi.ADMIN_TOKEN);
		Response tooLarge = this.api.post(WORKFLOWS, CatalogApi.YAML, oversized, CatalogApi.ADMIN_TOKEN);

		assertThat(plainText.status()).isEqualTo(415);
		assertThat(plainText.text("type")).isEqualTo("https://kubernaut.ai/problems/unsupported-media-type");
		assertThat(plainText.text("detail")).isEqualTo("Content-Type 'text/plain' is not supported.");
		assertThat(plainText.headers().getAccept()).contains(CatalogApi.YAML, MediaType.APPLICATION_JSON);
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.text("type")).isEqualTo("https://kubernaut.ai/problems/payload-too-large");
		assertThat(tooLarge.body().path("maxBytes").asLong()).isEqualTo(2 * 1024 * 1024);
	}

	@Test
	void letsOnlyWritersRegister() {
		byte[] actionType = CatalogApi.resource("kubernaut-catalog/action-types/scale-replicas.yaml")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(this.api.post(ACTION_TYPES, CatalogApi.YAML, actionType, CatalogApi.READER_TOKEN).status())
			.isEqualTo(403);
		assertThat(this.api.post(ACTION_TYPES, CatalogApi.YAML, actionType, null).status()).isEqualTo(401);
	}

	@Test
	void documentsBothBodyFormsOfRegistration() {
		Response docs = this.api.get("/v3/api-docs", null);

		JsonNode register = docs.body().path("paths").path(WORKFLOWS).path("post");
		assertThat(register.path("requestBody").path("content").propertyNames()).contains("application/yaml",
				"application/json");
	}

	private double registrations(String kind, String outcome) {
		Counter counter = this.meters.find("kubernaut.catalog.registrations")
			.tag("kind", kind)
			.tag("outcome", outcome)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private void registerActionType(String file) {
		Response response = this.api.postYaml(ACTION_TYPES,
				CatalogApi.resource("kubernaut-catalog/action-types/" + file + ".yaml"));
		assertThat(response.status()).isEqualTo(201);
	}

	private List<String> discoverableRollbacks() {
		Response discovered = this.api.get(WORKFLOWS + "/actions/RollbackDeployment?severity=critical"
				+ "&component=apps/v1/Deployment&environment=production&priority=P1");
		assertThat(discovered.status()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		discovered.body().path("workflows").forEach((entry) -> ids.add(entry.path("workflowId").asString()));
		return ids;
	}

	private static List<Path> files(String directory) throws IOException, URISyntaxException {
		Path root = Path.of(CatalogRegistrationTest.class.getClassLoader().getResource(directory).toURI());
		try (Stream<Path> files = Files.list(root)) {
			return files.filter((file) -> file.toString().endsWith(".yaml")).sorted().toList();
		}
	}

}
