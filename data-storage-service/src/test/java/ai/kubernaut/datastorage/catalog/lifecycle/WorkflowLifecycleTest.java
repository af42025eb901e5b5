package ai.kubernaut.datastorage.catalog.lifecycle;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.datastorage.CatalogApi;
import ai.kubernaut.datastorage.CatalogApi.Response;
import ai.kubernaut.datastorage.DataStorageServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@DataStorageServiceTest
class WorkflowLifecycleTest {

	private static final String PROBE = "LifecycleProbe";

	private static final String PRODUCTION_DEPLOYMENT = "severity=critical&component=apps/v1/Deployment"
			+ "&environment=production&priority=P1";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RestTestClient client;

	CatalogApi api;

	@BeforeEach
	void emptyCatalog() {
		CatalogApi.emptyCatalog(this.jdbc);
		this.api = new CatalogApi(this.client);
		Response actionType = this.api.postYaml("/api/v1/action-types",
				CatalogApi.resource("discovery/action-type.yaml.template").replace("${name}", PROBE));
		assertThat(actionType.status()).isEqualTo(201);
	}

	@Test
	void disablingRecordsWhoWhenAndWhyAndAnswersTheWholeWorkflow() {
		Instant before = Instant.now();
		String id = register("restart-api", "1.0.0");

		Response disabled = this.api.patchJson(lifecycle(id, "disable"),
				Map.of("reason", "rollout loops on the api pods", "updatedBy", "someone-else"));

		assertThat(disabled.status()).as(disabled.body().toString()).isEqualTo(200);
		JsonNode workflow = disabled.body();
		assertThat(workflow.path("workflowId").asString()).isEqualTo(id);
		assertThat(workflow.path("status").asString()).isEqualTo("Disabled");
		assertThat(workflow.path("disabledBy").asString()).isEqualTo("catalog-admin");
		assertThat(workflow.path("disabledReason").asString()).isEqualTo("rollout loops on the api pods");
		assertThat(Instant.parse(workflow.path("disabledAt").asString())).isAfterOrEqualTo(before.minusSeconds(1));
		assertThat(workflow.path("updatedBy").asString()).isEqualTo("catalog-admin");
		assertThat(workflow.path("content").asString()).contains("restart-api");
		assertThat(workflow.path("labels").path("environment")).isNotEmpty();
		assertThat(updatedEvents(id, before)).singleElement().satisfies((event) -> {
			assertThat(event.path("actor_id").asString()).isEqualTo("catalog-admin");
			assertThat(event.path("event_action").asString()).isEqualTo("disable");
			assertThat(event.path("data").path("previous_status").asString()).isEqualTo("Active");
			assertThat(event.path("data").path("new_status").asString()).isEqualTo("Disabled");
			assertThat(event.path("data").path("reason").asString()).isEqualTo("rollout loops on the api pods");
		});
	}

	@Test
	void disabledWorkflowsDisappearFromDiscoveryAndComeBackWhenEnabled() {
		String id = register("restart-api", "1.0.0");
		assertThat(discover()).containsExactly(id);

		assertThat(this.api.patchJson(lifecycle(id, "disable"), Map.of("reason", "broken")).status()).isEqualTo(200);
		assertThat(discover()).isEmpty();
		assertThat(this.api.get("/api/v1/workflows/actions?" + PRODUCTION_DEPLOYMENT).body().path("actionTypes"))
			.isEmpty();

		Response enabled = this.api.patchJson(lifecycle(id, "enable"), Map.of("reason", "fixed in the image"));
		assertThat(enabled.status()).isEqualTo(200);
		assertThat(enabled.text("status")).isEqualTo("Active");
		assertThat(enabled.body().has("disabledAt")).isFalse();
		assertThat(enabled.body().has("disabledBy")).isFalse();
		assertThat(enabled.body().has("disabledReason")).isFalse();
		assertThat(discover()).containsExactly(id);
	}

	@Test
	void deprecatingRetiresTheWorkflowForGood() {
		Instant before = Instant.now();
		String id = register("restart-api", "1.0.0");

		Response deprecated = this.api.patchJson(lifecycle(id, "deprecate"), Map.of("reason", "use restart-api-v2"));

		assertThat(deprecated.status()).isEqualTo(200);
		assertThat(deprecated.text("status")).isEqualTo("Deprecated");
		assertThat(deprecated.text("deprecationNotice")).isEqualTo("use restart-api-v2");
		assertThat(discover()).isEmpty();
		for (String move : List.of("enable", "disable")) {
			Response refused = this.api.patchJson(lifecycle(id, move), Map.of("reason", "try again"));
			assertThat(refused.status()).isEqualTo(409);
			assertThat(refused.text("type")).isEqualTo("https://kubernaut.ai/problems/workflow-status-conflict");
			assertThat(refused.text("status")).isEqualTo("409");
			assertThat(refused.text("workflowStatus")).isEqualTo("Deprecated");
		}
		assertThat(updatedEvents(id, before)).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "disable", "enable", "deprecate" })
	void supersededVersionsCannotMoveToAnotherStatus(String move) {
		String old = register("restart-api", "1.0.0");
		String latest = register("restart-api", "2.0.0");

		Response refused = this.api.patchJson(lifecycle(old, move), Map.of("reason", "operator action"));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("type")).isEqualTo("https://kubernaut.ai/problems/workflow-status-conflict");
		assertThat(refused.text("detail")).contains("Superseded");
		assertThat(status(old)).isEqualTo("Superseded");
		assertThat(status(latest)).isEqualTo("Active");
	}

	@Test
	void onlyTheLatestVersionCanBeEnabled() {
		String old = register("restart-api", "1.0.0");
		assertThat(this.api.patchJson(lifecycle(old, "disable"), Map.of("reason", "broken")).status()).isEqualTo(200);
		String latest = register("restart-api", "2.0.0");
		assertThat(status(old)).isEqualTo("Disabled");

		Response refused = this.api.patchJson(lifecycle(old, "enable"), Map.of("reason", "roll back to 1.0.0"));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("type")).isEqualTo("https://kubernaut.ai/problems/workflow-status-conflict");
		assertThat(discover()).containsExactly(latest);
	}

	@Test
	void repeatingAMoveChangesNothing() {
		Instant before = Instant.now();
		String id = register("restart-api", "1.0.0");
		Response first = this.api.patchJson(lifecycle(id, "disable"), Map.of("reason", "first"));

		Response second = this.api.patchJson(lifecycle(id, "disable"), Map.of("reason", "second"));

		assertThat(second.status()).isEqualTo(200);
		assertThat(second.text("disabledReason")).isEqualTo("first");
		assertThat(second.text("disabledAt")).isEqualTo(first.text("disabledAt"));
		assertThat(updatedEvents(id, before)).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"reason\": \"\"}", "{\"reason\": \"   \"}", "{\"updatedBy\": \"x\"}" })
	void refusesAMoveWithoutAReason(String body) {
		String id = register("restart-api", "1.0.0");

		Response refused = this.api.patchJson(lifecycle(id, "disable"), CatalogApi.json(body));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("type")).isEqualTo("https://kubernaut.ai/problems/missing-reason");
		assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo("reason");
		assertThat(status(id)).isEqualTo("Active");
	}

	@Test
	void refusesAMoveWithoutABody() {
		String id = register("restart-api", "1.0.0");

		Response refused = this.api.patchJson(lifecycle(id, "deprecate"), null);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("type")).isEqualTo("https://kubernaut.ai/problems/missing-reason");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0b8c2d5e-9a4f-4c1e-8f7a-3d2b1c0e9f8a", "not-a-uuid" })
	void answersNotFoundForUnknownWorkflows(String id) {
		Response missing = this.api.patchJson(lifecycle(id, "disable"), Map.of("reason", "gone"));

		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.text("type")).isEqualTo("https://kubernaut.ai/problems/workflow-not-found");
	}

	@Test
	void readersCannotChangeTheLifecycle() {
		String id = register("restart-api", "1.0.0");

		Response forbidden = this.api.patch(lifecycle(id, "disable"), Map.of("reason", "x"), CatalogApi.READER_TOKEN);

		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(status(id)).isEqualTo("Active");
	}

	private String register(String name, String version) {
		String content = CatalogApi.resource("discovery/workflow.yaml.template")
			.replace("${name}", name)
			.replace("${version}", version)
			.replace("${actionType}", PROBE)
			.replace("${severity}", "[critical]")
			.replace("${environment}", "[production]")
			.replace("${component}", "[apps/v1/Deployment]")
			.replace("${priority}", "P1");
		Response response = this.api.postYaml("/api/v1/workflows", content);
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		return response.text("workflowId");
	}

	private List<String> discover() {
		Response response = this.api.get("/api/v1/workflows/actions/" + PROBE + "?" + PRODUCTION_DEPLOYMENT);
		assertThat(response.status()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		response.body().path("workflows").forEach((entry) -> ids.add(entry.path("workflowId").asString()));
		return ids;
	}

	private String status(String id) {
		return this.jdbc.sql("SELECT status FROM remediation_workflow_catalog WHERE workflow_id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.single();
	}

	private List<JsonNode> updatedEvents(String id, Instant before) {
		return this.jdbc.sql("""
				SELECT json_build_object('actor_id', actor_id, 'event_action', event_action, 'data', event_data)
				FROM audit_events
				WHERE resource_id = :id AND event_type = 'datastorage.workflow.updated' AND recorded_at >= :before
				ORDER BY recorded_at""")
			.param("id", id)
			.param("before", before.atOffset(ZoneOffset.UTC))
			.query((rs, rowNum) -> CatalogApi.json(rs.getString(1)))
			.list();
	}

	private static String lifecycle(String id, String move) {
		return "/api/v1/workflows/" + id + "/" + move;
	}

}
