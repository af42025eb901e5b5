package ai.kubernaut.datastorage.catalog.actiontype;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import ai.kubernaut.datastorage.CatalogApi;
import ai.kubernaut.datastorage.CatalogApi.Response;
import ai.kubernaut.datastorage.DataStorageServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@DataStorageServiceTest
class ActionTypeAdministrationTest {

	private static final String PROBE = "AdministrationProbe";

	private static final String PROBE_URI = "/api/v1/action-types/" + PROBE;

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
	void disablesAnActionTypeNoActiveWorkflowUses() {
		Instant before = Instant.now();

		Response disabled = this.api.patchJson(PROBE_URI + "/disable", Map.of("disabledBy", "someone-else"));

		assertThat(disabled.status()).isEqualTo(200);
		assertThat(disabled.body())
			.isEqualTo(CatalogApi.json("{\"actionType\":\"" + PROBE + "\",\"status\":\"Disabled\"}"));
		assertThat(this.jdbc
			.sql("SELECT status || ' by ' || disabled_by FROM action_type_taxonomy WHERE action_type = :name")
			.param("name", PROBE)
			.query(String.class)
			.single()).isEqualTo("Disabled by catalog-admin");
		assertThat(events("datastorage.actiontype.disabled", before)).isEqualTo(1);
		assertThat(this.api.patchJson(PROBE_URI + "/disable", null).status()).isEqualTo(200);
		assertThat(events("datastorage.actiontype.disabled", before)).isEqualTo(1);
	}

	@Test
	void refusesToDisableAnActionTypeActiveWorkflowsUseAndNamesThem() {
		Instant before = Instant.now();
		register("restart-api", "1.0.0");
		register("restart-api", "2.0.0");
		register("restart-web", "1.0.0");
		String retired = register("restart-batch", "1.0.0");
		assertThat(this.api.patchJson("/api/v1/workflows/" + retired + "/disable", Map.of("reason", "unused")).status())
			.isEqualTo(200);

		Response refused = this.api.patchJson(PROBE_URI + "/disable", Map.of());

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("type")).isEqualTo("https://kubernaut.ai/problems/action-type-in-use");
		assertThat(refused.text("actionType")).isEqualTo(PROBE);
		assertThat(refused.body().path("dependentWorkflowCount").asInt()).isEqualTo(2);
		assertThat(refused.body().path("dependentWorkflows"))
			.isEqualTo(CatalogApi.json("[\"restart-api\", \"restart-web\"]"));
		assertThat(this.jdbc.sql("SELECT status FROM action_type_taxonomy WHERE action_type = :name")
			.param("name", PROBE)
			.query(String.class)
			.single()).isEqualTo("Active");
		assertThat(events("datastorage.actiontype.disable_denied", before)).isEqualTo(1);
	}

	@Test
	void countsTheActiveWorkflowsOfAnActionType() {
		assertThat(this.api.get(PROBE_URI + "/workflow-count").body()).isEqualTo(CatalogApi.json("{\"count\": 0}"));
		register("restart-api", "1.0.0");
		register("restart-api", "2.0.0");
		register("restart-web", "1.0.0");

		Response count = this.api.get(PROBE_URI + "/workflow-count");

		assertThat(count.status()).isEqualTo(200);
		assertThat(count.body()).isEqualTo(CatalogApi.json("{\"count\": 2}"));
	}

	@Test
	void updatesTheDescriptionAndNamesTheFieldsThatChanged() {
		Instant before = Instant.now();
		Map<String, String> description = Map.of("what", "An action type that exists only for discovery tests.",
				"whenToUse", "When the administration tests run.", "preconditions", "A test database.");

		Response updated = this.api.patchJson(PROBE_URI,
				Map.of("description", description, "updatedBy", "someone-else"));

		assertThat(updated.status()).as(updated.body().toString()).isEqualTo(200);
		assertThat(updated.text("actionType")).isEqualTo(PROBE);
		assertThat(updated.body().path("oldDescription").path("whenToUse").asString())
			.isEqualTo("Never outside tests.");
		assertThat(updated.body().path("newDescription")).isEqualTo(CatalogApi.json(
				"{\"what\": \"An action type that exists only for discovery tests.\", \"whenToUse\": \"When the administration tests run.\", \"preconditions\": \"A test database.\"}"));
		assertThat(updated.body().path("updatedFields"))
			.isEqualTo(CatalogApi.json("[\"whenToUse\", \"preconditions\"]"));
		assertThat(
				this.jdbc.sql("SELECT description ->> 'whenToUse' FROM action_type_taxonomy WHERE action_type = :name")
					.param("name", PROBE)
					.query(String.class)
					.single())
			.isEqualTo("When the administration tests run.");
		assertThat(events("datastorage.actiontype.updated", before)).isEqualTo(1);
	}

	@Test
	void refusesADescriptionWithoutItsRequiredParts() {
		Response noWhenToUse = this.api.patchJson(PROBE_URI, Map.of("description", Map.of("what", "something")));
		Response noDescription = this.api.patchJson(PROBE_URI, Map.of("updatedBy", "x"));

		assertThat(noWhenToUse.status()).isEqualTo(400);
		assertThat(noWhenToUse.body().path("errors").get(0).path("field").asString())
			.isEqualTo("description.whenToUse");
		assertThat(noDescription.status()).isEqualTo(400);
		assertThat(noDescription.body().path("errors").get(0).path("field").asString()).isEqualTo("description");
	}

	@Test
	void answersNotFoundForUnknownOrDisabledActionTypes() {
		Map<String, Object> update = Map.of("description", Map.of("what", "a", "whenToUse", "b"));
		for (Response missing : List.of(this.api.patchJson("/api/v1/action-types/NoSuchType/disable", Map.of()),
				this.api.get("/api/v1/action-types/NoSuchType/workflow-count"),
				this.api.patchJson("/api/v1/action-types/NoSuchType", update))) {
			assertThat(missing.status()).isEqualTo(404);
			assertThat(missing.text("type")).isEqualTo("https://kubernaut.ai/problems/action-type-not-found");
		}
		assertThat(this.api.patchJson(PROBE_URI + "/disable", Map.of()).status()).isEqualTo(200);

		assertThat(this.api.patchJson(PROBE_URI, update).status()).isEqualTo(404);
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

	private long events(String type, Instant before) {
		return this.jdbc.sql("""
				SELECT count(*) FROM audit_events
				WHERE resource_id = :name AND event_type = :type AND recorded_at >= :before""")
			.param("name", PROBE)
			.param("type", type)
			.param("before", before.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

}
