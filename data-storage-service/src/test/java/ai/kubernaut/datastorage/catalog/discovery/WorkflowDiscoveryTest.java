package ai.kubernaut.datastorage.catalog.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

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
class WorkflowDiscoveryTest {

	private static final String PROBE = "DiscoveryProbe";

	private static final String PRODUCTION_DEPLOYMENT = "severity=critical&component=apps/v1/Deployment"
			+ "&environment=production&priority=P1";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RestTestClient client;

	CatalogApi api;

	@BeforeEach
	void emptyCatalogWithOneActionType() {
		CatalogApi.emptyCatalog(this.jdbc);
		this.api = new CatalogApi(this.client);
		registerActionType(PROBE);
	}

	@Test
	void matchesLabelsCaseInsensitively() {
		String workflow = register("mixed-case", "[Critical]", "[Production]", "[apps/v1/Deployment]", "P1");

		assertThat(discover(PROBE, "severity=CRITICAL&component=APPS/V1/deployment&environment=production&priority=p1"))
			.containsExactly(workflow);
		assertThat(discover(PROBE, "severity=warning&component=apps/v1/Deployment&environment=production&priority=P1"))
			.isEmpty();
	}

	@Test
	void letsAWorkflowWildcardMatchAnyValueButComparesAQueryWildcardLiterally() {
		String wildcard = register("wildcard", "[\"*\"]", "[\"*\"]", "[\"*\"]", "*");
		register("production-only", "[critical]", "[production]", "[apps/v1/Deployment]", "P0");

		assertThat(discover(PROBE, "severity=info&component=v1/Pod&environment=qa&priority=P3"))
			.containsExactly(wildcard);
		assertThat(discover(PROBE, "severity=*&component=*&environment=*&priority=*")).containsExactly(wildcard);
	}

	@Test
	void excludesWorkflowsOfAnotherEnvironment() {
		register("production-only", "[critical]", "[production]", "[apps/v1/Deployment]", "*");
		String staging = register("staging-only", "[critical]", "[staging]", "[apps/v1/Deployment]", "*");

		assertThat(discover(PROBE, "severity=critical&component=apps/v1/Deployment&environment=staging&priority=P1"))
			.containsExactly(staging);
	}

	@Test
	void leavesADimensionWithAnEmptyValueUnconstrained() {
		String production = register("production-only", "[critical]", "[production]", "[apps/v1/Deployment]", "*");
		String staging = register("staging-only", "[critical]", "[staging]", "[apps/v1/Deployment]", "*");

		assertThat(discover(PROBE, "severity=critical&component=apps/v1/Deployment&environment=&priority=P1"))
			.containsExactlyElementsOf(sorted(production, staging));
	}

	@Test
	void matchesTheLegacyScalarComponentAndListPriority() {
		String workflow = register("legacy-shapes", "[critical]", "[production]", "apps/v1/Deployment", "P1");
		this.jdbc.sql("""
				UPDATE remediation_workflow_catalog
				SET labels = labels || '{"component": "apps/v1/Deployment", "priority": ["P1", "P2"]}'""").update();

		assertThat(discover(PROBE, "severity=critical&component=apps/v1/deployment&environment=production&priority=P2"))
			.containsExactly(workflow);
		assertThat(discover(PROBE, "severity=critical&component=apps/v1/Deployment&environment=production&priority=P3"))
			.isEmpty();
		assertThat(discover(PROBE, "severity=critical&component=v1/Pod&environment=production&priority=P1")).isEmpty();
	}

	@Test
	void pagesInWorkflowIdOrderAndSaysWhetherMoreFollow() {
		List<String> ids = sorted(register("first", "[critical]", "[production]", "[apps/v1/Deployment]", "*"),
				register("second", "[critical]", "[production]", "[apps/v1/Deployment]", "*"),
				register("third", "[critical]", "[production]", "[apps/v1/Deployment]", "*"));

		Response firstPage = this.api.get(stepTwo(PROBE, PRODUCTION_DEPLOYMENT + "&limit=2"));
		Response lastPage = this.api.get(stepTwo(PROBE, PRODUCTION_DEPLOYMENT + "&offset=2&limit=2"));
		Response defaults = this.api.get(stepTwo(PROBE, PRODUCTION_DEPLOYMENT + "&offset=-5"));

		assertThat(ids(firstPage)).containsExactlyElementsOf(ids.subList(0, 2));
		assertThat(firstPage.body().path("pagination").toString())
			.isEqualTo("{\"totalCount\":3,\"offset\":0,\"limit\":2,\"hasMore\":true}");
		assertThat(ids(lastPage)).containsExactly(ids.get(2));
		assertThat(lastPage.body().path("pagination").toString())
			.isEqualTo("{\"totalCount\":3,\"offset\":2,\"limit\":2,\"hasMore\":false}");
		assertThat(ids(defaults)).containsExactlyElementsOf(ids);
		assertThat(defaults.body().path("pagination").toString())
			.isEqualTo("{\"totalCount\":3,\"offset\":0,\"limit\":10,\"hasMore\":false}");
	}

	@Test
	void answersWithKubernautsDiscoveryEntriesAndNoScore() {
		String workflow = register("entry-shape", "[critical]", "[production]", "[apps/v1/Deployment]", "*");

		Response response = this.api.get(stepTwo(PROBE, PRODUCTION_DEPLOYMENT));

		assertThat(response.text("actionType")).isEqualTo(PROBE);
		assertThat(response.body().path("workflows").path(0).toString()).isEqualTo("{\"workflowId\":\"" + workflow
				+ "\",\"workflowName\":\"entry-shape\",\"name\":\"entry-shape\",\"description\":{\"what\":"
				+ "\"Discovery test workflow entry-shape\",\"whenToUse\":\"When discovery tests need a workflow with "
				+ "these labels\"},\"version\":\"1.0.0\",\"executionBundle\":\"quay.io/kubernaut-cicd/test-workflows/"
				+ "probe-job@sha256:0c048ae632c8c82ab35222dc3d9ed129df0a0be5f363056331f4b2c966acd3b9\","
				+ "\"executionEngine\":\"job\",\"serviceAccountName\":\"entry-shape-runner\"}");
	}

	@Test
	void refusesALimitOutsideOneToOneHundred() {
		for (String limit : List.of("101", "-1", "0")) {
			Response refused = this.api.get(stepTwo(PROBE, PRODUCTION_DEPLOYMENT + "&limit=" + limit));

			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.text("type")).isEqualTo("https://kubernaut.ai/problems/validation-error");
			assertThat(refused.body().path("errors").path(0).path("field").asString()).isEqualTo("limit");
		}
		assertThat(this.api.get("/api/v1/workflows/actions?" + PRODUCTION_DEPLOYMENT + "&limit=500").status())
			.isEqualTo(400);
		assertThat(this.api.get(stepTwo(PROBE, PRODUCTION_DEPLOYMENT + "&limit=ten")).status()).isEqualTo(400);
	}

	@Test
	void requiresTheMandatoryLabelParameters() {
		Response refused = this.api
			.get(stepTwo(PROBE, "component=apps/v1/Deployment&environment=production&priority=P1"));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("type")).isEqualTo("https://kubernaut.ai/problems/validation-error");
		assertThat(refused.text("detail")).contains("severity");
	}

	@Test
	void answersAnUnknownActionTypeWithAnEmptyList() {
		Response response = this.api.get(stepTwo("NoSuchAction", PRODUCTION_DEPLOYMENT));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body().toString()).isEqualTo("{\"actionType\":\"NoSuchAction\",\"workflows\":[],"
				+ "\"pagination\":{\"totalCount\":0,\"offset\":0,\"limit\":10,\"hasMore\":false}}");
	}

	@Test
	void hidesWorkflowsOfADisabledActionType() {
		register("of-disabled-type", "[critical]", "[production]", "[apps/v1/Deployment]", "*");
		this.jdbc.sql("UPDATE action_type_taxonomy SET status = 'Disabled'").update();

		assertThat(discover(PROBE, PRODUCTION_DEPLOYMENT)).isEmpty();
		assertThat(this.api.get("/api/v1/workflows/actions?" + PRODUCTION_DEPLOYMENT).body().path("actionTypes"))
			.isEmpty();
	}

	@Test
	void listsTheActionTypesThatHaveAMatchingWorkflow() {
		registerActionType("AnotherProbe");
		registerActionType("StagingProbe");
		registerFor(PROBE, "probe-one", "[critical]", "[production]", "[apps/v1/Deployment]");
		registerFor(PROBE, "probe-two", "[critical]", "[\"*\"]", "[apps/v1/Deployment]");
		registerFor("AnotherProbe", "another", "[critical]", "[production]", "[\"*\"]");
		registerFor("StagingProbe", "staging", "[critical]", "[staging]", "[apps/v1/Deployment]");

		Response all = this.api.get("/api/v1/workflows/actions?" + PRODUCTION_DEPLOYMENT);
		Response firstOnly = this.api.get("/api/v1/workflows/actions?" + PRODUCTION_DEPLOYMENT + "&limit=1");

		assertThat(all.status()).isEqualTo(200);
		assertThat(all.body().path("actionTypes").toString()).isEqualTo("[{\"actionType\":\"AnotherProbe\","
				+ "\"description\":{\"what\":\"An action type that exists only for discovery tests.\","
				+ "\"whenToUse\":\"Never outside tests.\"},\"workflowCount\":1},{\"actionType\":\"DiscoveryProbe\","
				+ "\"description\":{\"what\":\"An action type that exists only for discovery tests.\","
				+ "\"whenToUse\":\"Never outside tests.\"},\"workflowCount\":2}]");
		assertThat(all.body().path("pagination").toString())
			.isEqualTo("{\"totalCount\":2,\"offset\":0,\"limit\":10,\"hasMore\":false}");
		assertThat(firstOnly.body().path("actionTypes")).hasSize(1);
		assertThat(firstOnly.body().path("pagination").path("hasMore").asBoolean()).isTrue();
	}

	@Test
	void returnsTheFullDefinitionOfAWorkflowById() {
		String workflow = register("by-id", "[critical]", "[production]", "[apps/v1/Deployment]", "*");

		Response response = this.api.get("/api/v1/workflows/" + workflow);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text("workflowId")).isEqualTo(workflow);
		assertThat(response.text("workflowName")).isEqualTo("by-id");
		assertThat(response.text("actionType")).isEqualTo(PROBE);
		assertThat(response.text("executionEngine")).isEqualTo("job");
		assertThat(response.text("status")).isEqualTo("Active");
		assertThat(response.body().path("isLatestVersion").asBoolean()).isTrue();
		assertThat(response.body().path("labels")).isEqualTo(CatalogApi.json("{\"severity\":[\"critical\"],"
				+ "\"environment\":[\"production\"],\"component\":[\"apps/v1/Deployment\"],\"priority\":\"*\"}"));
		assertThat(response.body().path("parameters").toString()).isEqualTo(
				"[{\"name\":\"TARGET_RESOURCE_NAME\",\"type\":\"string\",\"required\":true,\"description\":\"Name of the target resource\"}]");
		assertThat(response.text("content")).contains("name: by-id");
		assertThat(response.text("contentHash")).hasSize(64);
	}

	@Test
	void answersUnknownAndMalformedIdsWithTheSameNotFound() {
		String unknown = UUID.randomUUID().toString();

		Response missing = this.api.get("/api/v1/workflows/" + unknown);
		Response malformed = this.api.get("/api/v1/workflows/not-a-uuid");

		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.text("type")).isEqualTo("https://kubernaut.ai/problems/workflow-not-found");
		assertThat(missing.text("detail")).isEqualTo("Workflow not found: " + unknown);
		assertThat(malformed.status()).isEqualTo(404);
		assertThat(malformed.text("type")).isEqualTo("https://kubernaut.ai/problems/workflow-not-found");
		assertThat(malformed.text("detail")).isEqualTo("Workflow not found: not-a-uuid");
	}

	@Test
	void requiresATokenToRead() {
		assertThat(this.api.get(stepTwo(PROBE, PRODUCTION_DEPLOYMENT), null).status()).isEqualTo(401);
		assertThat(this.api.get(stepTwo(PROBE, PRODUCTION_DEPLOYMENT), CatalogApi.ADMIN_TOKEN).status()).isEqualTo(200);
	}

	private void registerActionType(String name) {
		Response response = this.api.postYaml("/api/v1/action-types",
				CatalogApi.resource("discovery/action-type.yaml.template").replace("${name}", name));
		assertThat(response.status()).isEqualTo(201);
	}

	private String register(String name, String severity, String environment, String component, String priority) {
		return register(PROBE, name, severity, environment, component, priority);
	}

	private String registerFor(String actionType, String name, String severity, String environment, String component) {
		return register(actionType, name, severity, environment, component, "*");
	}

	private String register(String actionType, String name, String severity, String environment, String component,
			String priority) {
		String content = CatalogApi.resource("discovery/workflow.yaml.template")
			.replace("${name}", name)
			.replace("${version}", "1.0.0")
			.replace("${actionType}", actionType)
			.replace("${severity}", severity)
			.replace("${environment}", environment)
			.replace("${component}", component)
			.replace("${priority}", priority);
		Response response = this.api.postYaml("/api/v1/workflows", content);
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		return response.text("workflowId");
	}

	private List<String> discover(String actionType, String query) {
		Response response = this.api.get(stepTwo(actionType, query));
		assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
		return ids(response);
	}

	private static String stepTwo(String actionType, String query) {
		return "/api/v1/workflows/actions/" + actionType + "?" + query;
	}

	private static List<String> ids(Response response) {
		List<String> ids = new ArrayList<>();
		response.body().path("workflows").forEach((entry) -> ids.add(entry.path("workflowId").asString()));
		return ids;
	}

	private static List<String> sorted(String... ids) {
		return Arrays.stream(ids)
			.map(UUID::fromString)
			.sorted(WorkflowDiscoveryTest::byPostgresOrder)
			.map(UUID::toString)
			.toList();
	}

	/**
	 * PostgreSQL orders UUIDs by their bytes as unsigned values; {@link UUID#compareTo}
	 * compares signed longs.
	 */
	private static int byPostgresOrder(UUID a, UUID b) {
		return a.toString().compareTo(b.toString());
	}

}
