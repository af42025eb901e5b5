package ai.kubernaut.datastorage.catalog.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import ai.kubernaut.datastorage.catalog.discovery.LabelWeights.DetectedLabel;
import ai.kubernaut.testsupport.postgres.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Discovery step 2 latency on generated catalogs of 10,000 and 100,000 workflows, through
 * {@link WorkflowDiscoveryQuery} (the SQL and its result mapping, without HTTP). Not a
 * test: it runs only with {@code -Dkubernaut.bench=true} (see
 * {@code bench/data-storage/README.md}) and prints its figures; it asserts nothing about
 * time.
 */
@EnabledIfSystemProperty(named = "kubernaut.bench", matches = "true")
class DiscoveryBenchmark {

	private static final int ACTION_TYPES = 50;

	private static final int WARMUP = 300;

	private static final int MEASURED = Integer.getInteger("kubernaut.bench.queries", 3000);

	private static final String[] SEVERITIES = { "critical", "high", "warning", "info" };

	private static final String[] ENVIRONMENTS = { "production", "staging", "development" };

	private static final String[] COMPONENTS = { "apps/v1/Deployment", "apps/v1/StatefulSet", "v1/Pod" };

	@Test
	void measuresStepTwoLatency() {
		TestPostgres.Database database = TestPostgres.get();
		Flyway.configure()
			.dataSource(database.jdbcUrl(), database.username(), database.password())
			.schemas("datastorage")
			.defaultSchema("datastorage")
			.locations("classpath:db/migration/datastorage")
			.load()
			.migrate();
		// One connection, as a pool would lend a warm one: the figures are the query's,
		// not connection setup's.
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
				database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=datastorage",
				database.username(), database.password(), true);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		WorkflowDiscoveryQuery query = new WorkflowDiscoveryQuery(jdbc, JsonMapper.shared());
		System.out.println("PostgreSQL: " + jdbc.sql("SELECT version()").query(String.class).single());
		for (int size : new int[] { 10_000, 100_000 }) {
			long loadStart = System.nanoTime();
			load(jdbc, size);
			System.out.printf(Locale.ROOT, "%n== %,d workflows (%d action types), loaded in %.1f s%n", size,
					ACTION_TYPES, (System.nanoTime() - loadStart) / 1e9);
			run(query, new Random(7), WARMUP);
			report("step 2, mixed queries, first pages", run(query, new Random(42), MEASURED));
			report("step 2, mixed queries, explain=true", runExplained(query, new Random(43), MEASURED / 3));
			plan(jdbc, size);
		}
	}

	private static void load(JdbcClient jdbc, int size) {
		jdbc.sql("TRUNCATE remediation_workflow_catalog, action_type_taxonomy").update();
		jdbc.sql("""
				INSERT INTO action_type_taxonomy (action_type, description)
				SELECT 'BenchAction' || a, '{"what": "benchmark", "whenToUse": "benchmark"}'
				FROM generate_series(0, :n - 1) a""").param("n", ACTION_TYPES).update();
		jdbc.sql("SELECT cast(setseed(0.42) as text)").query(String.class).list();
		// Label shapes as in Kubernaut's published catalog: mostly concrete values, some
		// wildcards, sparse detected labels, a few custom labels; one row in ten not
		// discoverable (disabled or superseded).
		jdbc.sql(
				"""
						INSERT INTO remediation_workflow_catalog (workflow_id, workflow_name, name, version, description,
						    content, content_hash, action_type, labels, custom_labels, detected_labels, execution_engine,
						    execution_bundle, status, is_latest_version)
						SELECT md5('wf' || g)::uuid, 'bench-' || g, 'bench-' || g, '1.0.0',
						       '{"what": "benchmark workflow", "whenToUse": "benchmark"}', 'generated',
						       md5('c' || g) || md5('d' || g), 'BenchAction' || (g % :actionTypes),
						       jsonb_build_object(
						           'severity', CASE WHEN random() < 0.15 THEN '["*"]'::jsonb
						               ELSE jsonb_build_array((ARRAY['critical','high','warning','info'])[1 + floor(random() * 4)::int],
						                                      (ARRAY['critical','high'])[1 + floor(random() * 2)::int]) END,
						           'environment', CASE WHEN random() < 0.3 THEN '["*"]'::jsonb
						               ELSE jsonb_build_array((ARRAY['production','staging','development'])[1 + floor(random() * 3)::int]) END,
						           'component', CASE WHEN random() < 0.3 THEN '["*"]'::jsonb
						               ELSE jsonb_build_array((ARRAY['apps/v1/Deployment','apps/v1/StatefulSet','v1/Pod'])[1 + floor(random() * 3)::int]) END,
						           'priority', (ARRAY['P0','P1','P2','P3','*','*'])[1 + floor(random() * 6)::int])
						       || CASE WHEN random() < 0.2 THEN jsonb_build_object('cluster',
						              jsonb_build_array((ARRAY['prod-eu','prod-us','*'])[1 + floor(random() * 3)::int])) ELSE '{}' END,
						       CASE WHEN random() < 0.5 THEN jsonb_build_object('risk_tolerance',
						           jsonb_build_array((ARRAY['high','low','*'])[1 + floor(random() * 3)::int])) ELSE '{}' END
						       || CASE WHEN random() < 0.3 THEN jsonb_build_object('team',
						           jsonb_build_array('team-' || floor(random() * 10)::int)) ELSE '{}' END,
						       CASE WHEN random() < 0.3 THEN '{"gitOpsManaged": true}'::jsonb ELSE '{}' END
						       || CASE WHEN random() < 0.2 THEN jsonb_build_object('gitOpsTool',
						              (ARRAY['argocd','flux','*'])[1 + floor(random() * 3)::int]) ELSE '{}' END
						       || CASE WHEN random() < 0.2 THEN '{"pdbProtected": true}'::jsonb ELSE '{}' END
						       || CASE WHEN random() < 0.1 THEN '{"helmManaged": true}'::jsonb ELSE '{}' END
						       || CASE WHEN random() < 0.1 THEN '{"stateful": true}'::jsonb ELSE '{}' END,
						       'job', 'quay.io/bench/workflow@sha256:' || md5('b' || g) || md5('e' || g),
						       CASE WHEN g % 10 = 0 THEN 'Disabled' ELSE 'Active' END, g % 10 <> 0
						FROM generate_series(1, :size) g""")
			.param("actionTypes", ACTION_TYPES)
			.param("size", size)
			.update();
		// What autovacuum does soon after a load; sets the visibility map index-only
		// scans rely on.
		jdbc.sql("VACUUM ANALYZE remediation_workflow_catalog").update();
		jdbc.sql("ANALYZE action_type_taxonomy").update();
	}

	private static long[] run(WorkflowDiscoveryQuery query, Random random, int count) {
		long[] nanos = new long[count];
		for (int i = 0; i < count; i++) {
			String actionType = "BenchAction" + random.nextInt(ACTION_TYPES);
			DiscoveryContext context = context(random);
			PageRequest page = PageRequest.of((random.nextInt(5) == 0) ? 10 : 0, 10);
			long start = System.nanoTime();
			query.workflowsFor(actionType, context, page, false);
			nanos[i] = System.nanoTime() - start;
		}
		return nanos;
	}

	private static long[] runExplained(WorkflowDiscoveryQuery query, Random random, int count) {
		long[] nanos = new long[count];
		for (int i = 0; i < count; i++) {
			String actionType = "BenchAction" + random.nextInt(ACTION_TYPES);
			DiscoveryContext context = context(random);
			long start = System.nanoTime();
			query.workflowsFor(actionType, context, PageRequest.of(0, 10), true);
			nanos[i] = System.nanoTime() - start;
		}
		return nanos;
	}

	/**
	 * A realistic incident: always the four mandatory labels; often custom labels from
	 * namespace labels; often detected labels; sometimes a cluster.
	 */
	private static DiscoveryContext context(Random random) {
		Map<String, List<String>> custom = new LinkedHashMap<>();
		if (random.nextBoolean()) {
			custom.put("risk_tolerance", List.of(random.nextBoolean() ? "high" : "low"));
			if (random.nextBoolean()) {
				custom.put("team", List.of("team-" + random.nextInt(10)));
			}
		}
		DetectedLabelsQuery detected = DetectedLabelsQuery.NONE;
		if (random.nextBoolean()) {
			detected = new DetectedLabelsQuery(
					random.nextBoolean() ? Set.of(DetectedLabel.GITOPS_MANAGED, DetectedLabel.PDB_PROTECTED)
							: Set.of(DetectedLabel.PDB_PROTECTED),
					random.nextBoolean() ? Map.of(DetectedLabel.GITOPS_TOOL, "argocd") : Map.of());
		}
		return DiscoveryContext.of(SEVERITIES[random.nextInt(SEVERITIES.length)],
				COMPONENTS[random.nextInt(COMPONENTS.length)], ENVIRONMENTS[random.nextInt(ENVIRONMENTS.length)],
				"P" + random.nextInt(4), (random.nextInt(10) == 0) ? "prod-eu" : null, custom, detected);
	}

	private static void report(String name, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		System.out.printf(Locale.ROOT, "%-40s n=%5d  p50=%6.2f ms  p90=%6.2f ms  p99=%6.2f ms  max=%6.2f ms%n", name,
				sorted.length, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
				sorted[sorted.length - 1] / 1e6);
	}

	private static double percentile(long[] sorted, int percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

	private static void plan(JdbcClient jdbc, int size) {
		DiscoveryContext context = DiscoveryContext.of("critical", "apps/v1/Deployment", "production", "P1", null,
				Map.of("risk_tolerance", List.of("high")), new DetectedLabelsQuery(Set.of(DetectedLabel.GITOPS_MANAGED),
						Map.of(DetectedLabel.GITOPS_TOOL, "argocd")));
		List<String> plan = new ArrayList<>(jdbc
			.sql("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + WorkflowDiscoveryQuery.workflowsForSql(context, false))
			.params(WorkflowDiscoveryQuery.workflowsForParams("BenchAction7", context, PageRequest.of(0, 10)))
			.query(String.class)
			.list());
		System.out.println("-- plan of one step-2 query at " + size + " workflows:");
		plan.forEach((line) -> System.out.println("   " + line));
		System.out.println("-- uses idx_workflow_catalog_discovery_keys: "
				+ plan.stream().anyMatch((line) -> line.contains("idx_workflow_catalog_discovery_keys")));
	}

}
