package ai.kubernaut.datastorage.catalog.registration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * The examples of Kubernaut's documentation, in a catalog of their own (the README of the
 * seed catalog keeps them apart from the demo catalog, whose
 * {@code crashloop-rollback-v1} they clash with): each registers as written, placeholder
 * bundle digests included, and the worked example of "Authoring Workflows" ranks as the
 * page says.
 */
@DataStorageServiceTest
class DocumentedExamplesTest {

	private static final String DOCS = "kubernaut-catalog/docs-examples/";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RestTestClient client;

	CatalogApi api;

	@BeforeEach
	void registerTheDocumentedActionTypes() {
		CatalogApi.emptyCatalog(this.jdbc);
		this.api = new CatalogApi(this.client);
		for (String actionType : List.of(DOCS + "action-types/graceful-restart.yaml",
				DOCS + "action-types/restart-sidecar.yaml", DOCS + "action-types/rotate-certificates.yaml",
				"kubernaut-catalog/action-types/restart-deployment.yaml",
				"registration/fix-configuration-action-type.yaml")) {
			assertThat(this.api.postYaml("/api/v1/action-types", CatalogApi.resource(actionType)).status())
				.as(actionType)
				.isEqualTo(201);
		}
	}

	@Test
	void registersEveryDocumentedWorkflowAndWarnsAboutPlaceholderDigests() {
		Map<String, String> placeholders = Map.of("workflow-authoring--restart-pods-v1.yaml", "sha256:abc123...",
				"workflow-authoring--crashloop-rollback-v1.yaml", "sha256:def456...",
				"workflows--restart-deployment-v1.yaml", "sha256:abc123...");

		for (String file : List.of("workflow-authoring--restart-pods-v1.yaml",
				"workflow-authoring--crashloop-rollback-v1.yaml", "workflows--restart-deployment-v1.yaml",
				"workflows--ansible-fix-config.yaml")) {
			String content = CatalogApi.resource(DOCS + "workflows/" + file);
			Response registered = this.api.postYaml("/api/v1/workflows", content);

			assertThat(registered.status()).as(file + ": " + registered.body()).isEqualTo(201);
			assertThat(registered.text("workflowId")).isEqualTo(WorkflowIdentity.of(content).workflowId().toString());
			assertThat(registered.text("status")).isEqualTo("Active");
			List<String> warnings = registered.headers().getOrEmpty("Warning");
			if (placeholders.containsKey(file)) {
				assertThat(warnings).singleElement()
					.isEqualTo("299 - \"spec.execution.bundle: digest \\\"" + placeholders.get(file)
							+ "\\\" is a placeholder, not a sha256 digest: the workflow is registered, but its "
							+ "bundle cannot be pulled until the real digest (64 hex characters) is registered as "
							+ "a new version\"");
				assertThat(registered.body().has("executionBundleDigest")).isFalse();
			}
			else {
				assertThat(warnings).isEmpty();
				assertThat(registered.text("executionEngine")).isEqualTo("ansible");
				assertThat(registered.text("executionBundleDigest"))
					.isEqualTo("b7e6a135be2019f995cb4875dbc0116dfda39d21");
			}
			assertThat(this.api.postYaml("/api/v1/workflows", content).status()).isEqualTo(200);
		}
	}

	@Test
	void ranksTheWorkedExampleAsTheAuthoringGuideSays() {
		String restartPods = register("workflow-authoring--restart-pods-v1.yaml");
		String crashloopRollback = register("workflow-authoring--crashloop-rollback-v1.yaml");

		JsonNode high = gracefulRestarts("high");
		JsonNode low = gracefulRestarts("low");

		assertThat(high.path(0).path("workflowId").asString()).isEqualTo(restartPods);
		assertThat(high.path(0).path("workflowName").asString()).isEqualTo("restart-pods-v1");
		assertThat(high.path(0).path("score").decimalValue()).isEqualByComparingTo("0.515");
		assertThat(high.path(1).path("workflowId").asString()).isEqualTo(crashloopRollback);
		assertThat(high.path(1).path("workflowName").asString()).isEqualTo("crashloop-rollback-v1");
		assertThat(high.path(1).path("score").decimalValue()).isEqualByComparingTo("0.50");
		assertThat(low.path(0).path("workflowId").asString()).isEqualTo(crashloopRollback);
		assertThat(low.path(0).path("score").decimalValue()).isEqualByComparingTo("0.515");
		assertThat(low.path(0).path("contributions").toString())
			.isEqualTo("[{\"label\":\"customLabels.risk_tolerance=low\",\"weight\":0.15,"
					+ "\"reason\":\"exact custom label match\"}]");
		assertThat(low.path(1).path("workflowId").asString()).isEqualTo(restartPods);
		assertThat(low.path(1).path("score").decimalValue()).isEqualByComparingTo("0.50");
	}

	private String register(String file) {
		Response registered = this.api.postYaml("/api/v1/workflows", CatalogApi.resource(DOCS + "workflows/" + file));
		assertThat(registered.status()).isEqualTo(201);
		return registered.text("workflowId");
	}

	/**
	 * The guide's troubleshooting query: a CrashLoopBackOff on a production deployment,
	 * the namespace labelled with the team's risk tolerance.
	 */
	private JsonNode gracefulRestarts(String riskTolerance) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("severity", "critical");
		query.put("environment", "production");
		query.put("component", "deployment");
		query.put("priority", "P1");
		query.put("custom_labels", "{\"risk_tolerance\":[\"" + riskTolerance + "\"]}");
		query.put("explain", "true");
		Response response = this.api.query("/api/v1/workflows/actions/GracefulRestart", query);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body().path("pagination").path("totalCount").asLong()).isEqualTo(2);
		return response.body().path("workflows");
	}

}
