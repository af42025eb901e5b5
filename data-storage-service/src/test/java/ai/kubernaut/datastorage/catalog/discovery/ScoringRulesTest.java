package ai.kubernaut.datastorage.catalog.discovery;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import ai.kubernaut.contracts.catalog.WorkflowDiscoveryResponse;
import ai.kubernaut.datastorage.CatalogApi;
import ai.kubernaut.datastorage.DataStorageServiceTest;
import ai.kubernaut.datastorage.catalog.discovery.ReferenceScorer.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * One case per rule of Kubernaut's hard filters and score: the SQL and the oracle must
 * both give the published number (or both exclude the workflow).
 */
@DataStorageServiceTest
class ScoringRulesTest {

	private static final String ACTION_TYPE = "RuleProbe";

	private static final String LABELS = """
			{"severity": ["critical"], "environment": ["production"], "component": ["apps/v1/Deployment"],
			 "priority": "P1"%s}""";

	private static final JsonMapper JSON = JsonMapper.shared();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NamedParameterJdbcTemplate template;

	@Autowired
	WorkflowDiscoveryQuery query;

	@Autowired
	DiscoveryContexts contexts;

	static Stream<Arguments> detectedLabelRules() {
		return Stream.of(rule("no labels on either side: the base score", "{}", "{}", null, null, "0.50"),
				rule("gitOpsManaged on both sides", "{\"gitOpsManaged\": true}", "{}", "{\"gitOpsManaged\": true}",
						null, "0.51"),
				rule("gitOpsManaged wanted, workflow not GitOps: penalty", "{}", "{}", "{\"gitOpsManaged\": true}",
						null, "0.49"),
				rule("gitOpsManaged false in the query: neither boost nor penalty", "{\"gitOpsManaged\": true}", "{}",
						"{\"gitOpsManaged\": false}", null, "0.50"),
				rule("gitOpsManaged and argocd exact", "{\"gitOpsManaged\": true, \"gitOpsTool\": \"argocd\"}", "{}",
						"{\"gitOpsManaged\": true, \"gitOpsTool\": \"argocd\"}", null, "0.52"),
				rule("workflow gitOpsTool wildcard: half credit", "{\"gitOpsManaged\": true, \"gitOpsTool\": \"*\"}",
						"{}", "{\"gitOpsManaged\": true, \"gitOpsTool\": \"argocd\"}", null, "0.515"),
				rule("generic workflow under a GitOps incident: both penalties", "{}", "{}",
						"{\"gitOpsManaged\": true, \"gitOpsTool\": \"argocd\"}", null, "0.48"),
				rule("another GitOps tool: excluded by the hard filter", "{\"gitOpsTool\": \"flux\"}", "{}",
						"{\"gitOpsTool\": \"argocd\"}", null, null),
				rule("query gitOpsTool wildcard keeps only workflow wildcards", "{\"gitOpsTool\": \"argocd\"}", "{}",
						"{\"gitOpsTool\": \"*\"}", null, null),
				rule("query gitOpsTool wildcard against workflow wildcard: half credit", "{\"gitOpsTool\": \"*\"}",
						"{}", "{\"gitOpsTool\": \"*\"}", null, "0.505"),
				rule("non-enum gitOpsTool: no boost, no penalty", "{}", "{}", "{\"gitOpsTool\": \"tekton\"}", null,
						"0.50"),
				rule("non-enum gitOpsTool still filters literally", "{\"gitOpsTool\": \"argocd\"}", "{}",
						"{\"gitOpsTool\": \"tekton\"}", null, null),
				rule("pdbProtected", "{\"pdbProtected\": true}", "{}", "{\"pdbProtected\": true}", null, "0.505"),
				rule("networkIsolated", "{\"networkIsolated\": true}", "{}", "{\"networkIsolated\": true}", null,
						"0.503"),
				rule("helmManaged", "{\"helmManaged\": true}", "{}", "{\"helmManaged\": true}", null, "0.502"),
				rule("stateful", "{\"stateful\": true}", "{}", "{\"stateful\": true}", null, "0.502"),
				rule("hpaEnabled", "{\"hpaEnabled\": true}", "{}", "{\"hpaEnabled\": true}", null, "0.502"),
				rule("virtualMachine", "{\"virtualMachine\": true}", "{}", "{\"virtualMachine\": true}", null, "0.508"),
				rule("liveMigratable", "{\"liveMigratable\": true}", "{}", "{\"liveMigratable\": true}", null, "0.504"),
				rule("cdiManaged", "{\"cdiManaged\": true}", "{}", "{\"cdiManaged\": true}", null, "0.503"),
				rule("resourceQuotaConstrained has no weight", "{\"resourceQuotaConstrained\": true}", "{}",
						"{\"resourceQuotaConstrained\": true}", null, "0.50"),
				rule("a boolean the query lacks never excludes", "{\"pdbProtected\": true, \"stateful\": true}", "{}",
						"{\"stateful\": false}", null, "0.50"),
				rule("serviceMesh exact", "{\"serviceMesh\": \"istio\"}", "{}", "{\"serviceMesh\": \"istio\"}", null,
						"0.505"),
				rule("serviceMesh workflow wildcard", "{\"serviceMesh\": \"*\"}", "{}",
						"{\"serviceMesh\": \"linkerd\"}", null, "0.5025"),
				rule("serviceMesh absent on the workflow: kept, no penalty", "{}", "{}", "{\"serviceMesh\": \"istio\"}",
						null, "0.50"),
				rule("storageBackend exact", "{\"storageBackend\": \"lvms\"}", "{}", "{\"storageBackend\": \"lvms\"}",
						null, "0.505"),
				rule("storageBackend conflicting value excluded", "{\"storageBackend\": \"lvms\"}", "{}",
						"{\"storageBackend\": \"local\"}", null, null),
				rule("every detected boost at once",
						"{\"gitOpsManaged\": true, \"gitOpsTool\": \"argocd\", \"pdbProtected\": true, "
								+ "\"serviceMesh\": \"istio\", \"networkIsolated\": true, \"helmManaged\": true, "
								+ "\"stateful\": true, \"hpaEnabled\": true, \"virtualMachine\": true, "
								+ "\"liveMigratable\": true, \"cdiManaged\": true, \"storageBackend\": \"local\"}",
						"{}",
						"{\"gitOpsManaged\": true, \"gitOpsTool\": \"argocd\", \"pdbProtected\": true, "
								+ "\"serviceMesh\": \"istio\", \"networkIsolated\": true, \"helmManaged\": true, "
								+ "\"stateful\": true, \"hpaEnabled\": true, \"virtualMachine\": true, "
								+ "\"liveMigratable\": true, \"cdiManaged\": true, \"storageBackend\": \"local\"}",
						null, "0.559"));
	}

	static Stream<Arguments> customLabelRules() {
		return Stream.of(
				rule("custom exact match", "{}", "{\"risk_tolerance\": [\"high\"]}", null,
						"{\"risk_tolerance\": [\"high\"]}", "0.515"),
				rule("custom mismatch never excludes", "{}", "{\"risk_tolerance\": [\"low\"]}", null,
						"{\"risk_tolerance\": [\"high\"]}", "0.50"),
				rule("custom workflow wildcard: half credit", "{}", "{\"region\": [\"*\"]}", null,
						"{\"region\": [\"eu\"]}", "0.5075"),
				rule("custom wildcard earns per query value", "{}", "{\"constraint\": [\"*\"]}", null,
						"{\"constraint\": [\"cost-constrained\", \"stateful-safe\"]}", "0.515"),
				rule("custom pairs add up across keys", "{}", "{\"team\": [\"payments\"], \"tier\": [\"gold\"]}", null,
						"{\"team\": [\"payments\"], \"tier\": [\"gold\"]}", "0.53"),
				rule("custom match is case-sensitive", "{}", "{\"team\": [\"payments\"]}", null,
						"{\"team\": [\"Payments\"]}", "0.50"),
				rule("custom keys are sanitised like Kubernaut's", "{}", "{\"team\": [\"payments\"]}", null,
						"{\"te am!\": [\"payments\"]}", "0.515"),
				rule("custom key the workflow lacks", "{}", "{}", null, "{\"team\": [\"payments\"]}", "0.50"),
				rule("custom labels and detected labels together", "{\"gitOpsManaged\": true}",
						"{\"team\": [\"payments\"]}", "{\"gitOpsManaged\": true}", "{\"team\": [\"payments\"]}",
						"0.525"),
				rule("the score is capped at 1.0", "{}", "{\"k\": " + manyValues(40) + "}", null,
						"{\"k\": " + manyValues(40) + "}", "1.0"));
	}

	static Stream<Arguments> hardFilterRules() {
		return Stream.of(filter("no cluster filter keeps a workflow without clusters", "", null, "0.50"),
				filter("a cluster filter drops a workflow without clusters", "", "prod-eu", null),
				filter("a cluster filter matches case-insensitively", ", \"cluster\": [\"prod-eu\"]", "PROD-EU",
						"0.50"),
				filter("a workflow cluster wildcard matches any cluster", ", \"cluster\": [\"*\"]", "prod-us", "0.50"),
				filter("another cluster is excluded", ", \"cluster\": [\"prod-eu\"]", "prod-us", null));
	}

	@ParameterizedTest
	@MethodSource({ "detectedLabelRules", "customLabelRules", "hardFilterRules" })
	void scoresAsKubernautPublishes(String detected, String custom, String clusterLabel, String queryDetected,
			String queryCustom, String cluster, String expected) {
		CatalogApi.emptyCatalog(this.jdbc);
		CatalogRows.actionType(this.jdbc, ACTION_TYPE);
		Row row = new Row(CatalogRows.newId(), ACTION_TYPE, true, JSON.readTree(LABELS.formatted(clusterLabel)),
				JSON.readTree(custom), JSON.readTree(detected));
		CatalogRows.insert(this.template, List.of(row));
		DiscoveryContext context = this.contexts.of("critical", "apps/v1/Deployment", "production", "P1", queryCustom,
				queryDetected, cluster);

		WorkflowDiscoveryResponse response = this.query.workflowsFor(ACTION_TYPE, context, PageRequest.of(0, 10), true);
		List<ReferenceScorer.Scored> oracle = ReferenceScorer.discover(List.of(row), ACTION_TYPE, context);

		if (expected == null) {
			assertThat(response.workflows()).isEmpty();
			assertThat(oracle).isEmpty();
			return;
		}
		assertThat(response.workflows()).hasSize(1);
		assertThat(response.workflows().get(0).score()).isEqualByComparingTo(expected);
		assertThat(oracle).singleElement()
			.satisfies((scored) -> assertThat(scored.score()).isEqualByComparingTo(expected));
		BigDecimal contributed = response.workflows()
			.get(0)
			.contributions()
			.stream()
			.map((contribution) -> contribution.weight())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		if (new BigDecimal(expected).compareTo(BigDecimal.ONE) < 0) {
			assertThat(new BigDecimal("5.0").add(contributed).divide(BigDecimal.TEN)).isEqualByComparingTo(expected);
		}
	}

	private static Arguments rule(String name, String detected, String custom, String queryDetected, String queryCustom,
			String expected) {
		return argumentSet(name, detected, custom, "", queryDetected, queryCustom, null, expected);
	}

	private static Arguments filter(String name, String clusterLabel, String cluster, String expected) {
		return argumentSet(name, "{}", "{}", clusterLabel, null, null, cluster, expected);
	}

	private static String manyValues(int count) {
		return IntStream.range(0, count).mapToObj((i) -> "\"v" + i + "\"").collect(Collectors.joining(", ", "[", "]"));
	}

	static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
