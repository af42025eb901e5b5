package ai.kubernaut.datastorage.catalog.discovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.datastorage.CatalogApi;
import ai.kubernaut.datastorage.CatalogApi.Response;
import ai.kubernaut.datastorage.DataStorageServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discovery with the whole context over HTTP, on Kubernaut's own published workflows:
 * custom and detected labels, cluster, the step-3 gate and {@code ?explain=true}.
 */
@DataStorageServiceTest
class ContextDiscoveryTest {

	private static final String ROLLBACK = "/api/v1/workflows/actions/RollbackDeployment";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RestTestClient client;

	CatalogApi api;

	String restartPods;

	String crashloopRollback;

	@BeforeEach
	void registerTheRiskToleranceWorkflowsOfKubernautsDemoChart() {
		CatalogApi.emptyCatalog(this.jdbc);
		this.api = new CatalogApi(this.client);
		assertThat(this.api
			.postYaml("/api/v1/action-types",
					CatalogApi.resource("kubernaut-catalog/action-types/rollback-deployment.yaml"))
			.status()).isEqualTo(201);
		this.restartPods = register("kubernaut-catalog/chart-demo-content/workflows/restart-pods-v1.yaml");
		this.crashloopRollback = register(
				"kubernaut-catalog/chart-demo-content/workflows/crashloop-rollback-risk-v1.yaml");
	}

	@Test
	void ranksTheFastRestartFirstForAHighRiskToleranceNamespace() {
		Response response = this.api.query(ROLLBACK,
				incident(Map.of("custom_labels", "{\"risk_tolerance\":[\"high\"]}", "explain", "true")));

		assertThat(response.status()).isEqualTo(200);
		JsonNode first = response.body().path("workflows").path(0);
		JsonNode second = response.body().path("workflows").path(1);
		assertThat(first.path("workflowId").asString()).isEqualTo(this.restartPods);
		assertThat(first.path("workflowName").asString()).isEqualTo("restart-pods-v1");
		assertThat(first.path("score").decimalValue()).isEqualByComparingTo("0.515");
		assertThat(first.path("contributions").toString())
			.isEqualTo("[{\"label\":\"customLabels.risk_tolerance=high\",\"weight\":0.15,"
					+ "\"reason\":\"exact custom label match\"}]");
		assertThat(second.path("workflowId").asString()).isEqualTo(this.crashloopRollback);
		assertThat(second.path("score").decimalValue()).isEqualByComparingTo("0.50");
		assertThat(second.path("contributions").toString()).isEqualTo("[]");
	}

	@Test
	void ranksTheSafeRollbackFirstForALowRiskToleranceNamespace() {
		Response response = this.api.query(ROLLBACK,
				incident(Map.of("custom_labels", "{\"risk_tolerance\":[\"low\"]}", "explain", "true")));

		assertThat(response.body().path("workflows").path(0).path("workflowId").asString())
			.isEqualTo(this.crashloopRollback);
		assertThat(response.body().path("workflows").path(0).path("score").decimalValue())
			.isEqualByComparingTo("0.515");
		assertThat(response.body().path("workflows").path(1).path("workflowId").asString()).isEqualTo(this.restartPods);
		assertThat(response.body().path("workflows").path(1).path("score").decimalValue()).isEqualByComparingTo("0.50");
	}

	@Test
	void keepsKubernautsEntryShapeWithoutExplain() {
		Response response = this.api.query(ROLLBACK,
				incident(Map.of("custom_labels", "{\"risk_tolerance\":[\"high\"]}")));

		JsonNode first = response.body().path("workflows").path(0);
		assertThat(first.path("workflowId").asString()).isEqualTo(this.restartPods);
		assertThat(first.has("score")).isFalse();
		assertThat(first.has("contributions")).isFalse();
	}

	@Test
	void refusesMalformedJsonFiltersNamingTheParameter() {
		for (String parameter : List.of("custom_labels", "detected_labels")) {
			Response refused = this.api.query(ROLLBACK, incident(Map.of(parameter, "{not json")));

			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.text("type")).isEqualTo("https://kubernaut.ai/problems/bad-request");
			assertThat(refused.text("detail")).contains("'" + parameter + "'");
			assertThat(refused.body().path("errors").path(0).path("field").asString()).isEqualTo(parameter);
		}
		assertThat(this.api.query(ROLLBACK, incident(Map.of("custom_labels", "{\"team\": 42}"))).status())
			.isEqualTo(400);
		assertThat(this.api.query(ROLLBACK, incident(Map.of("detected_labels", "{\"gitopsManaged\": true}"))).status())
			.isEqualTo(400);
		assertThat(
				this.api.query(ROLLBACK, incident(Map.of("detected_labels", "{\"pdbProtected\": \"yes\"}"))).status())
			.isEqualTo(400);
		assertThat(this.api.query("/api/v1/workflows/actions", incident(Map.of("custom_labels", "[1]"))).status())
			.isEqualTo(400);
	}

	@Test
	void excludesWorkflowsWithoutTheClusterAndConflictingDetectedValues() {
		this.jdbc.sql("""
				UPDATE remediation_workflow_catalog
				SET labels = labels || '{"cluster": ["prod-eu"]}', detected_labels = '{"gitOpsTool": "flux"}'
				WHERE workflow_id = cast(:id as uuid)""").param("id", this.restartPods).update();

		assertThat(ids(this.api.query(ROLLBACK, incident(Map.of("cluster", "prod-eu")))))
			.containsExactly(this.restartPods);
		assertThat(ids(this.api.query(ROLLBACK, incident(Map.of("detected_labels", "{\"gitOpsTool\":\"argocd\"}")))))
			.containsExactly(this.crashloopRollback);
		assertThat(this.api.query("/api/v1/workflows/actions", incident(Map.of("cluster", "prod-us")))
			.body()
			.path("actionTypes")).isEmpty();
		assertThat(this.api.query("/api/v1/workflows/actions", incident(Map.of("cluster", "prod-eu")))
			.body()
			.path("actionTypes")
			.path(0)
			.path("workflowCount")
			.asLong()).isEqualTo(1);
	}

	@Test
	void gatesStepThreeWithTheSameNotFoundForUnknownAndFilteredOut() {
		String unknown = UUID.randomUUID().toString();

		Response matching = this.api.query("/api/v1/workflows/" + this.restartPods, incident(Map.of()));
		Response filteredOut = this.api.query("/api/v1/workflows/" + this.restartPods,
				Map.of("severity", "critical", "component", "apps/v1/Deployment", "environment", "production",
						"priority", "P1", "detected_labels", "{\"serviceMesh\":\"istio\"}", "cluster", "prod-eu"));
		Response missing = this.api.query("/api/v1/workflows/" + unknown, incident(Map.of()));
		Response ungated = this.api.query("/api/v1/workflows/" + this.restartPods, Map.of("cluster", "prod-eu"));

		assertThat(matching.status()).isEqualTo(200);
		assertThat(matching.text("workflowName")).isEqualTo("restart-pods-v1");
		assertThat(filteredOut.status()).isEqualTo(404);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(filteredOut.body().path("type")).isEqualTo(missing.body().path("type"));
		assertThat(filteredOut.text("detail")).isEqualTo("Workflow not found: " + this.restartPods);
		assertThat(ungated.status()).as("cluster alone does not turn the gate on").isEqualTo(200);
	}

	@Test
	void gatesOutADisabledWorkflow() {
		this.jdbc
			.sql("UPDATE remediation_workflow_catalog SET status = 'Disabled' WHERE workflow_id = cast(:id as uuid)")
			.param("id", this.restartPods)
			.update();

		assertThat(this.api.query("/api/v1/workflows/" + this.restartPods, incident(Map.of())).status()).isEqualTo(404);
		assertThat(this.api.query("/api/v1/workflows/" + this.restartPods, Map.of()).status()).isEqualTo(200);
	}

	@Test
	void recordsTheQueryInTheAuditTrailUnderTheRemediationId() {
		String remediationId = "rr-" + UUID.randomUUID();

		this.api.query(ROLLBACK, incident(Map.of("remediation_id", remediationId)));
		this.api.query("/api/v1/workflows/" + this.restartPods, incident(Map.of("remediation_id", remediationId)));

		List<String> types = this.jdbc
			.sql("SELECT event_type FROM audit_events WHERE correlation_id = :id ORDER BY chain_position")
			.param("id", remediationId)
			.query(String.class)
			.list();
		assertThat(types).containsExactly("workflow.catalog.workflows_listed", "workflow.catalog.workflow_retrieved",
				"workflow.catalog.selection_validated");
	}

	private String register(String resource) {
		Response response = this.api.postYaml("/api/v1/workflows", CatalogApi.resource(resource));
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		return response.text("workflowId");
	}

	private static Map<String, String> incident(Map<String, String> extra) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("severity", "critical");
		query.put("component", "apps/v1/Deployment");
		query.put("environment", "production");
		query.put("priority", "P1");
		query.putAll(extra);
		return query;
	}

	private static List<String> ids(Response response) {
		return response.body().path("workflows").findValuesAsString("workflowId");
	}

}
