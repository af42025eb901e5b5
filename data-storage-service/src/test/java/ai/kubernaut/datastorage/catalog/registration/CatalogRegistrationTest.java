package ai.kubernaut.datastorage.catalog.registration;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
		List<Path> actionTypes = new ArrayList<>(files("kubernaut-catalog/action-types"));
		actionTypes.addAll(files("kubernaut-catalog/docs-examples/action-types"));
		// The documentation's Ansible example uses an action type it never defines;
		// registering it first is what its page asks of the reader.
		actionTypes.add(resourcePath("registration/fix-configuration-action-type.yaml"));
		List<Path> workflows = new ArrayList<>(files("kubernaut-catalog/workflows"));
		workflows.addAll(files("kubernaut-catalog/docs-examples/workflows"));
		workflows.addAll(files("kubernaut-catalog/chart-demo-content/workflows"));
		assertThat(actionTypes).hasSize(39);
		assertThat(workflows).hasSize(40);
		// The catalog's README names these: same metadata.name as a demo workflow, older
		// version, other content.
		Map<String, String> clashes = Map.of("workflow-authoring--crashloop-rollback-v1.yaml",
				"crashloop-rollback-v1.yaml", "chart-demo-content/workflows/crashloop-rollback-risk-v1.yaml",
				"crashloop-rollback-risk-v1.yaml");

		Map<Path, Integer> first = new LinkedHashMap<>();
		for (Path file : actionTypes) {
			Response created = this.api.postYaml(ACTION_TYPES, Files.readString(file));
			assertThat(created.status()).as(file.toString()).isIn(200, 201);
		}
		Map<String, String> registeredIds = new LinkedHashMap<>();
		for (Path file : workflows) {
			String content = Files.readString(file);
			Response response = this.api.postYaml(WORKFLOWS, content);
			first.put(file, response.status());
			String clashesWith = clashes.entrySet()
				.stream()
				.filter((clash) -> file.endsWith(clash.getKey()))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse(null);
			if (clashesWith != null) {
				assertThat(response.status()).as(file.toString()).isEqualTo(409);
				assertThat(response.text("type")).isEqualTo("https://kubernaut.ai/problems/workflow-version-conflict");
				assertThat(response.text("existingWorkflowId")).isEqualTo(registeredIds.get(clashesWith));
				assertThat(response.text("existingVersion")).isEqualTo("1.5.3");
				continue;
			}
			assertThat(response.status()).as(file + ": " + response.body()).isEqualTo(201);
			WorkflowIdentity identity = WorkflowIdentity.of(content);
			assertThat(response.text("workflowId")).isEqualTo(identity.workflowId().toString());
			assertThat(response.text("contentHash")).isEqualTo(identity.contentHash());
			assertThat(response.text("content")).isEqualTo(content);
			registeredIds.put(file.getFileName().toString(), response.text("workflowId"));
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
			assertThat(again.status()).as(file.toString()).isEqualTo((first.get(file) == 409) ? 409 : 200);
			if (again.status() == 200) {
				assertThat(again.text("workflowId")).isEqualTo(WorkflowIdentity.of(content).workflowId().toString());
			}
		}
		// 34 demo workflows, 3 documentation examples and the chart's restart-pods-v1
		// 1.0.1, which superseded the documentation's 1.0.0.
		assertThat(this.jdbc.sql("SELECT count(*) FROM remediation_workflow_catalog WHERE status = 'Active'")
			.query(Long.class)
			.single()).isEqualTo(37);
		assertThat(this.jdbc
			.sql("SELECT workflow_name || ' ' || version FROM remediation_workflow_catalog "
					+ "WHERE status = 'Superseded'")
			.query(String.class)
			.list()).containsExactly("restart-pods-v1 1.0.0");
	}

	@Test
	void refusesToReplaceTheActiveVersionWithAnOlderOneAndNamesIt() {
		registerActionType("rollback-deployment");
		Response demo = this.api.postYaml(WORKFLOWS,
				CatalogApi.resource("kubernaut-catalog/workflows/crashloop-rollback-risk-v1.yaml"));
		double conflictsBefore = registrations("workflow", "conflict");

		Response chart = this.api.postYaml(WORKFLOWS,
				CatalogApi.resource("kubernaut-catalog/chart-demo-content/workflows/crashloop-rollback-risk-v1.yaml"));

		assertThat(chart.status()).isEqualTo(409);
		assertThat(chart.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(chart.text("type")).isEqualTo("https://kubernaut.ai/problems/workflow-version-conflict");
		assertThat(chart.text("detail")).startsWith("Workflow crashloop-rollback-risk-v1 version 1.0.0 is not newer "
				+ "than its Active version 1.5.3 (workflow " + demo.text("workflowId") + ", action type "
				+ "RollbackDeployment).");
		assertThat(chart.text("workflowName")).isEqualTo("crashloop-rollback-risk-v1");
		assertThat(chart.text("version")).isEqualTo("1.0.0");
		assertThat(chart.text("existingWorkflowId")).isEqualTo(demo.text("workflowId"));
		assertThat(chart.text("existingVersion")).isEqualTo("1.5.3");
		assertThat(chart.text("existingActionType")).isEqualTo("RollbackDeployment");
		assertThat(registrations("workflow", "conflict")).isEqualTo(conflictsBefore + 1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM remediation_workflow_catalog").query(Long.class).single())
			.isEqualTo(1);
		assertThat(discoverableRollbacks()).containsExactly(demo.text("workflowId"));
	}

	@Test
	void aNewerVersionSupersedesTheActiveOneAndTheOldContentStaysBehindIt() {
		registerActionType("rollback-deployment");
		String older = CatalogApi
			.resource("kubernaut-catalog/chart-demo-content/workflows/crashloop-rollback-risk-v1.yaml");
		String newer = CatalogApi.resource("kubernaut-catalog/workflows/crashloop-rollback-risk-v1.yaml");
		Response chart = this.api.postYaml(WORKFLOWS, older);

		Response demo = this.api.postYaml(WORKFLOWS, newer);

		assertThat(demo.status()).isEqualTo(201);
		assertThat(demo.text("version")).isEqualTo("1.5.3");
		assertThat(demo.text("previousVersion")).isEqualTo("1.0.0");
		assertThat(demo.body().path("isLatestVersion").asBoolean()).isTrue();
		Response superseded = this.api.get(WORKFLOWS + "/" + chart.text("workflowId"));
		assertThat(superseded.text("status")).isEqualTo("Superseded");
		assertThat(this.jdbc.sql("SELECT status_reason FROM remediation_workflow_catalog WHERE version = '1.0.0'")
			.query(String.class)
			.single()).isEqualTo("superseded: new version 1.5.3 registered (was 1.0.0)");
		assertThat(superseded.body().path("isLatestVersion").asBoolean()).isFalse();
		assertThat(discoverableRollbacks()).containsExactly(demo.text("workflowId"));

		// Re-applying both files (a GitOps resync) changes nothing.
		Response olderAgain = this.api.postYaml(WORKFLOWS, older);
		Response newerAgain = this.api.postYaml(WORKFLOWS, newer);

		assertThat(olderAgain.status()).isEqualTo(200);
		assertThat(olderAgain.text("workflowId")).isEqualTo(chart.text("workflowId"));
		assertThat(olderAgain.text("status")).isEqualTo("Superseded");
		assertThat(newerAgain.status()).isEqualTo(200);
		assertThat(discoverableRollbacks()).containsExactly(demo.text("workflowId"));
	}

	@Test
	void goesBackToAnOlderVersionOnlyOnceTheActiveOneIsDisabled() {
		registerActionType("rollback-deployment");
		String older = CatalogApi
			.resource("kubernaut-catalog/chart-demo-content/workflows/crashloop-rollback-risk-v1.yaml");
		Response chart = this.api.postYaml(WORKFLOWS, older);
		Response demo = this.api.postYaml(WORKFLOWS,
				CatalogApi.resource("kubernaut-catalog/workflows/crashloop-rollback-risk-v1.yaml"));
		assertThat(this.api
			.patchJson(WORKFLOWS + "/" + demo.text("workflowId") + "/disable", Map.of("reason", "loops on payments"))
			.status()).isEqualTo(200);

		Response back = this.api.postYaml(WORKFLOWS, older);

		assertThat(back.status()).isEqualTo(201);
		assertThat(back.text("workflowId")).isEqualTo(chart.text("workflowId"));
		assertThat(back.text("status")).isEqualTo("Active");
		assertThat(back.text("statusReason")).isEqualTo("reactivated: registered again by catalog-admin");
		assertThat(back.body().path("isLatestVersion").asBoolean()).isTrue();
		assertThat(this.api.get(WORKFLOWS + "/" + demo.text("workflowId")).text("status")).isEqualTo("Disabled");
		assertThat(discoverableRollbacks()).containsExactly(chart.text("workflowId"));
	}

	@Test
	void comparesVersionsBySemanticPrecedenceNotAsText() {
		registerActionType("scale-replicas");
		String workflow = CatalogApi.resource("kubernaut-catalog/workflows/scale-replicas-v1.yaml");

		Response nine = this.api.postYaml(WORKFLOWS, workflow.replace("\"1.5.3\"", "\"1.9.0\""));
		Response ten = this.api.postYaml(WORKFLOWS, workflow.replace("\"1.5.3\"", "\"1.10.0\""));
		Response candidate = this.api.postYaml(WORKFLOWS, workflow.replace("\"1.5.3\"", "\"1.10.0-rc.1\""));
		Response build = this.api.postYaml(WORKFLOWS,
				workflow.replace("\"1.5.3\"", "\"1.10.0+rebuilt\"").replace("    - high\n", ""));

		assertThat(nine.status()).isEqualTo(201);
		assertThat(ten.status()).isEqualTo(201);
		assertThat(candidate.status()).isEqualTo(409);
		assertThat(build.status()).isEqualTo(409);
		assertThat(build.text("existingVersion")).isEqualTo("1.10.0");
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
	void registersANativeDagWorkflowWithoutABundleAndMakesItDiscoverable() {
		registerActionType("scale-replicas");
		String dag = CatalogApi.resource("registration/dag-workflow.yaml");

		Response registered = this.api.postYaml(WORKFLOWS, dag);
		Response broken = this.api.postYaml(WORKFLOWS, dag.replace("dependsOn: [scale]", "dependsOn: [scale-up]")
			.replace("version: \"1.0.0\"", "version: \"1.1.0\""));

		assertThat(registered.status()).isEqualTo(201);
		assertThat(registered.text("executionEngine")).isEqualTo("dag");
		assertThat(registered.body().has("executionBundle")).isFalse();
		assertThat(registered.body().has("executionBundleDigest")).isFalse();
		assertThat(registered.body().path("engineConfig").path("steps")).hasSize(2);
		assertThat(registered.headers().getOrEmpty("Warning")).isEmpty();
		Response discovered = this.api.get(WORKFLOWS + "/actions/ScaleReplicas?severity=critical"
				+ "&component=apps/v1/Deployment&environment=production&priority=P1");
		assertThat(discovered.body().path("workflows").path(0).path("workflowId").asString())
			.isEqualTo(registered.text("workflowId"));
		assertThat(discovered.body().path("workflows").path(0).path("executionEngine").asString()).isEqualTo("dag");
		assertThat(discovered.body().path("workflows").path(0).has("executionBundle")).isFalse();
		assertThat(broken.status()).isEqualTo(400);
		assertThat(broken.body().path("errors").path(0).path("field").asString())
			.isEqualTo("spec.execution.steps[1].dependsOn[0]");
	}

	@Test
	void warnsAboutAPlaceholderDigestInPrintableAsciiOnly() {
		registerActionType("scale-replicas");
		String workflow = CatalogApi.resource("kubernaut-catalog/workflows/scale-replicas-v1.yaml");
		String bundle = workflow.lines().filter((line) -> line.contains("bundle:")).findFirst().orElseThrow();

		Response registered = this.api.postYaml(WORKFLOWS, workflow.replace(bundle,
				"    bundle: \"quay.io/x/scale@sha256:<digest \\u2026>\\r\\nX-Injected: yes\""));

		assertThat(registered.status()).isEqualTo(201);
		assertThat(registered.headers().getOrEmpty("X-Injected")).isEmpty();
		assertThat(registered.headers().getOrEmpty("Warning")).singleElement()
			.satisfies((warning) -> assertThat(warning).startsWith(
					"299 - \"spec.execution.bundle: digest \\\"sha256:<digest ?>??X-Injected: yes\\\" is a placeholder"));
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

	private static Path resourcePath(String path) throws URISyntaxException {
		return Path.of(CatalogRegistrationTest.class.getClassLoader().getResource(path).toURI());
	}

	private static List<Path> files(String directory) throws IOException, URISyntaxException {
		Path root = Path.of(CatalogRegistrationTest.class.getClassLoader().getResource(directory).toURI());
		try (Stream<Path> files = Files.list(root)) {
			return files.filter((file) -> file.toString().endsWith(".yaml")).sorted().toList();
		}
	}

}
