package ai.kubernaut.datastorage.catalog.discovery;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import ai.kubernaut.contracts.catalog.WorkflowDiscoveryEntry;
import ai.kubernaut.contracts.catalog.WorkflowDiscoveryResponse;
import ai.kubernaut.datastorage.CatalogApi;
import ai.kubernaut.datastorage.DataStorageServiceTest;
import ai.kubernaut.datastorage.catalog.discovery.ReferenceScorer.Row;
import ai.kubernaut.datastorage.catalog.discovery.ReferenceScorer.Scored;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated catalogs and queries: the SQL must order, count and score exactly as the
 * oracle does. Seeded, so a failure names a case that can be replayed.
 */
@DataStorageServiceTest
class RandomizedScoringTest {

	private static final long SEED = 20261122L;

	private static final int CATALOGS = 25;

	private static final int WORKFLOWS_PER_CATALOG = 40;

	private static final int QUERIES_PER_CATALOG = 44;

	private static final String[] ACTION_TYPES = { "RandomA", "RandomB" };

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NamedParameterJdbcTemplate template;

	@Autowired
	WorkflowDiscoveryQuery query;

	@Autowired
	DiscoveryContexts contexts;

	@Test
	void ordersCountsAndScoresLikeTheOracleOnGeneratedCatalogs() {
		Random random = new Random(SEED);
		int cases = 0;
		int nonEmpty = 0;
		Set<BigDecimal> scores = new HashSet<>();
		for (int catalogIndex = 0; catalogIndex < CATALOGS; catalogIndex++) {
			CatalogApi.emptyCatalog(this.jdbc);
			for (String actionType : ACTION_TYPES) {
				CatalogRows.actionType(this.jdbc, actionType);
			}
			List<Row> catalog = new ArrayList<>();
			for (int i = 0; i < WORKFLOWS_PER_CATALOG; i++) {
				catalog.add(workflow(random));
			}
			CatalogRows.insert(this.template, catalog);
			for (int q = 0; q < QUERIES_PER_CATALOG; q++) {
				String actionType = pick(random, ACTION_TYPES);
				DiscoveryContext context = this.contexts.of(maybe(random, "critical", "HIGH", "warning", "info", "*"),
						maybe(random, "apps/v1/Deployment", "v1/Pod", "apps/v1/StatefulSet"),
						maybe(random, "production", "staging", "Production"), maybe(random, "P0", "P1", "p2", "P3"),
						customQuery(random), detectedQuery(random),
						(random.nextInt(4) == 0) ? pick(random, "prod-eu", "prod-us") : null);
				int offset = (random.nextInt(4) == 0) ? random.nextInt(10) : 0;
				int limit = 1 + random.nextInt(20);
				String replay = "catalog " + catalogIndex + ", query " + q + ": " + context;

				WorkflowDiscoveryResponse sql = this.query.workflowsFor(actionType, context,
						PageRequest.of(offset, limit), true);
				List<Scored> expected = ReferenceScorer.discover(catalog, actionType, context);
				List<Scored> page = expected.subList(Math.min(offset, expected.size()),
						Math.min(offset + limit, expected.size()));

				assertThat(sql.pagination().totalCount()).as(replay).isEqualTo(expected.size());
				assertThat(sql.workflows()).extracting(WorkflowDiscoveryEntry::workflowId)
					.as(replay)
					.containsExactlyElementsOf(page.stream().map(Scored::workflowId).toList());
				for (int i = 0; i < page.size(); i++) {
					assertThat(sql.workflows().get(i).score()).as(replay).isEqualByComparingTo(page.get(i).score());
					scores.add(page.get(i).score().stripTrailingZeros());
				}
				nonEmpty += page.isEmpty() ? 0 : 1;
				cases++;
			}
		}
		assertThat(cases).isGreaterThanOrEqualTo(1000);
		// Guards against a generator so strict that nothing matches or nothing scores.
		assertThat(nonEmpty).as("cases with results").isGreaterThan(cases / 4);
		assertThat(scores).as("distinct scores seen").hasSizeGreaterThan(20);
	}

	private static Row workflow(Random random) {
		ObjectNode labels = NODES.objectNode();
		labels.set("severity", array(random, "critical", "high", "warning", "info", "*", "Critical"));
		labels.set("environment", array(random, "production", "staging", "*"));
		labels.set("component", array(random, "apps/v1/Deployment", "v1/Pod", "*"));
		labels.put("priority", pick(random, "P0", "P1", "P2", "P3", "*"));
		if (random.nextInt(3) == 0) {
			labels.set("cluster", array(random, "prod-eu", "prod-us", "*"));
		}
		ObjectNode custom = NODES.objectNode();
		for (String key : new String[] { "risk_tolerance", "team", "region" }) {
			if (random.nextInt(2) == 0) {
				custom.set(key, array(random, "high", "low", "payments", "eu", "*"));
			}
		}
		ObjectNode detected = NODES.objectNode();
		for (String flag : new String[] { "gitOpsManaged", "pdbProtected", "networkIsolated", "helmManaged", "stateful",
				"hpaEnabled", "virtualMachine", "liveMigratable", "cdiManaged", "resourceQuotaConstrained" }) {
			if (random.nextInt(4) == 0) {
				detected.put(flag, true);
			}
		}
		maybePut(random, detected, "gitOpsTool", "argocd", "flux", "*");
		maybePut(random, detected, "serviceMesh", "istio", "linkerd", "*");
		maybePut(random, detected, "storageBackend", "odf-ceph", "lvms", "local", "*");
		UUID id = new UUID(random.nextLong(), random.nextLong());
		return new Row(id.toString(), pick(random, ACTION_TYPES), random.nextInt(8) != 0, labels, custom, detected);
	}

	private static String customQuery(Random random) {
		if (random.nextInt(3) == 0) {
			return null;
		}
		ObjectNode custom = NODES.objectNode();
		for (String key : new String[] { "risk_tolerance", "team", "region", "unknown" }) {
			if (random.nextInt(2) == 0) {
				custom.set(key, array(random, "high", "low", "payments", "eu", "*"));
			}
		}
		return custom.toString();
	}

	private static String detectedQuery(Random random) {
		if (random.nextInt(3) == 0) {
			return null;
		}
		ObjectNode detected = NODES.objectNode();
		for (String flag : new String[] { "gitOpsManaged", "pdbProtected", "networkIsolated", "helmManaged", "stateful",
				"hpaEnabled", "virtualMachine", "liveMigratable", "cdiManaged", "resourceQuotaConstrained" }) {
			if (random.nextInt(3) == 0) {
				detected.put(flag, random.nextBoolean());
			}
		}
		maybePut(random, detected, "gitOpsTool", "argocd", "flux", "*", "tekton");
		maybePut(random, detected, "serviceMesh", "istio", "linkerd", "*");
		maybePut(random, detected, "storageBackend", "odf-ceph", "lvms", "local", "*", "nfs");
		return detected.toString();
	}

	private static void maybePut(Random random, ObjectNode node, String key, String... values) {
		if (random.nextInt(3) == 0) {
			node.put(key, pick(random, values));
		}
	}

	private static ArrayNode array(Random random, String... values) {
		ArrayNode array = NODES.arrayNode();
		int size = 1 + random.nextInt(2);
		for (int i = 0; i < size; i++) {
			String value = pick(random, values);
			if (!array.toString().contains("\"" + value + "\"")) {
				array.add(value);
			}
		}
		return array;
	}

	private static String maybe(Random random, String... values) {
		return (random.nextInt(5) == 0) ? null : pick(random, values);
	}

	@SafeVarargs
	private static <T> T pick(Random random, T... values) {
		return values[random.nextInt(values.length)];
	}

}
