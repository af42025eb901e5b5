package ai.kubernaut.datastorage.catalog.listing;

import java.time.OffsetDateTime;
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
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@DataStorageServiceTest
class WorkflowListTest {

	private static final String PROBE = "ListingProbe";

	private static final OffsetDateTime NOON = OffsetDateTime.of(2026, 11, 20, 12, 0, 0, 0, ZoneOffset.UTC);

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
	void listsEveryStatusNewestFirstWithTheIdBreakingTies() {
		String oldest = register("restart-api", "1.0.0", "[production]", "[apps/v1/Deployment]", "P1");
		String tieA = register("restart-api", "2.0.0", "[production]", "[apps/v1/Deployment]", "P1");
		String tieB = register("restart-web", "1.0.0", "[staging]", "[v1/Pod]", "P2");
		createdAt(oldest, NOON);
		createdAt(tieA, NOON.plusHours(1));
		createdAt(tieB, NOON.plusHours(1));

		Response list = this.api.get("/api/v1/workflows");

		assertThat(list.status()).isEqualTo(200);
		List<String> ties = new ArrayList<>(List.of(tieA, tieB));
		ties.sort(String::compareTo);
		assertThat(ids(list)).containsExactly(ties.get(0), ties.get(1), oldest);
		assertThat(list.body().path("limit").asInt()).isEqualTo(50);
		assertThat(list.body().path("offset").asInt()).isEqualTo(0);
		assertThat(list.body().path("total").asInt()).isEqualTo(3);
		assertThat(list.body().path("workflows").get(2).path("status").asString()).isEqualTo("Superseded");
		assertThat(list.body().path("workflows").get(2).path("content").asString()).contains("restart-api");
	}

	@Test
	void pagesThroughTheCatalogWithTheTotalOfAllPages() {
		List<String> newestFirst = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String id = register("restart-" + i, "1.0.0", "[production]", "[apps/v1/Deployment]", "P1");
			createdAt(id, NOON.plusMinutes(i));
			newestFirst.addFirst(id);
		}

		Response page = this.api.get("/api/v1/workflows?limit=2&offset=2");
		Response beyond = this.api.get("/api/v1/workflows?limit=2&offset=10");

		assertThat(ids(page)).containsExactly(newestFirst.get(2), newestFirst.get(3));
		assertThat(page.body().path("limit").asInt()).isEqualTo(2);
		assertThat(page.body().path("offset").asInt()).isEqualTo(2);
		assertThat(page.body().path("total").asInt()).isEqualTo(5);
		assertThat(ids(beyond)).isEmpty();
		assertThat(beyond.body().path("total").asInt()).isEqualTo(5);
	}

	@Test
	void filtersByStatusNameAndLabels() {
		String superseded = register("restart-api", "1.0.0", "[production]", "[apps/v1/Deployment]", "P1");
		String api = register("restart-api", "2.0.0", "[production]", "[apps/v1/Deployment]", "P1");
		String anywhere = register("restart-web", "1.0.0", "[\"*\"]", "[v1/Pod]", "\"*\"");
		String staging = register("restart-batch", "1.0.0", "[staging]", "[batch/v1/Job]", "P2");

		assertThat(ids(query(Map.of("status", "Superseded")))).containsExactly(superseded);
		assertThat(ids(query(Map.of("workflow_name", "restart-api")))).containsExactlyInAnyOrder(superseded, api);
		assertThat(ids(query(Map.of("workflow_name", "restart")))).isEmpty();
		assertThat(ids(query(Map.of("environment", "production", "status", "Active")))).containsExactlyInAnyOrder(api,
				anywhere);
		assertThat(ids(query(Map.of("environment", "Production")))).containsExactly(anywhere);
		assertThat(ids(query(Map.of("component", "BATCH/v1/Job")))).containsExactly(staging);
		assertThat(ids(query(Map.of("priority", "p2")))).containsExactlyInAnyOrder(staging, anywhere);
		assertThat(query(Map.of("priority", "P2", "component", "v1/Pod")).body().path("total").asInt()).isEqualTo(1);
	}

	@ParameterizedTest
	@CsvSource({ "limit=101, limit", "limit=0, limit", "offset=-1, offset", "status=Retired, status" })
	void refusesParametersOutOfBoundsNamingThem(String query, String field) {
		Response refused = this.api.get("/api/v1/workflows?" + query);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("type")).isEqualTo("https://kubernaut.ai/problems/validation-error");
		assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo(field);
	}

	private String register(String name, String version, String environment, String component, String priority) {
		String content = CatalogApi.resource("discovery/workflow.yaml.template")
			.replace("${name}", name)
			.replace("${version}", version)
			.replace("${actionType}", PROBE)
			.replace("${severity}", "[critical]")
			.replace("${environment}", environment)
			.replace("${component}", component)
			.replace("\"${priority}\"", priority.startsWith("\"") ? priority : "\"" + priority + "\"");
		Response response = this.api.postYaml("/api/v1/workflows", content);
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		return response.text("workflowId");
	}

	private void createdAt(String id, OffsetDateTime createdAt) {
		this.jdbc.sql("UPDATE remediation_workflow_catalog SET created_at = :at WHERE workflow_id = :id")
			.param("at", createdAt)
			.param("id", UUID.fromString(id))
			.update();
	}

	private Response query(Map<String, String> query) {
		Response response = this.api.query("/api/v1/workflows", query);
		assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
		return response;
	}

	private static List<String> ids(Response response) {
		List<String> ids = new ArrayList<>();
		response.body().path("workflows").forEach((entry) -> ids.add(entry.path("workflowId").asString()));
		return ids;
	}

}
