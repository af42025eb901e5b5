package ai.kubernaut.engine.execution;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.engine.Fixtures;
import ai.kubernaut.engine.ServiceIntegrationTest;
import ai.kubernaut.testsupport.kubernetes.SandboxKubernetes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * Throughput of the durable engine: 1,000 concurrent executions of the seed OOMKill
 * 7-step graph (1‖2 → 3 → 4 → 5‖6 → 7) with {@code wait 0} steps, on one replica against
 * the test PostgreSQL. Prints figures; asserts nothing about time. Run with
 * {@code bench/engine/run.sh}.
 */
@ServiceIntegrationTest
@EnabledIfSystemProperty(named = "kubernaut.bench", matches = "true")
class ExecutionBenchmark {

	private static final int RUNS = Integer.getInteger("kubernaut.bench.runs", 1000);

	/**
	 * {@code wait}: steps that do nothing; {@code sandbox}: every step scales a
	 * Deployment of the sandbox Kubernetes API to 2 replicas (a read and a write per
	 * step).
	 */
	private static final String MODE = System.getProperty("kubernaut.bench.mode", "wait");

	private static final int SANDBOX_DEPLOYMENTS = 50;

	@Autowired
	SandboxKubernetes cluster;

	@Autowired
	WorkflowExecutions executions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void oomKillGraph() throws Exception {
		boolean sandbox = "sandbox".equals(MODE);
		if (sandbox) {
			for (int i = 0; i < SANDBOX_DEPLOYMENTS; i++) {
				String yaml = new String(Fixtures.deployment("bench", "app-" + i, 1).readAllBytes(),
						StandardCharsets.UTF_8);
				this.cluster.seed(new ByteArrayInputStream(((i == 0) ? yaml : yaml.substring(yaml.indexOf("\n---") + 4))
					.getBytes(StandardCharsets.UTF_8)));
			}
		}
		Map<String, Object> definition = Map.of("name", "oomkill-bench", "strategy", Map.of("parallelism", 3), "steps",
				List.of(step("1"), step("2"), step("3", "1", "2"), step("4", "3"), step("5", "4"), step("6", "4"),
						step("7", "5", "6")));
		Map<String, Object> parameters = sandbox ? Map.of("SCALE_REPLICAS", "2") : Map.of();
		List<UUID> ids = Collections.synchronizedList(new ArrayList<>());
		Instant begin = Instant.now();
		try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
			List<Future<?>> submitted = new ArrayList<>();
			for (int i = 0; i < RUNS; i++) {
				int n = i;
				submitted.add(
						clients.submit(
								() -> ids.add(
										this.executions
											.submit(new CreateWorkflowExecutionRequest(definition, parameters,
													new ResourceRef("Deployment", "bench",
															"app-" + (n % SANDBOX_DEPLOYMENTS)),
													false))
											.id())));
			}
			for (Future<?> future : submitted) {
				future.get();
			}
		}
		Instant submittedAll = Instant.now();
		await().atMost(Duration.ofMinutes(10))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> this.jdbc
				.sql("select count(*) from workflow_execution where id in (:ids) and completed_at is not null")
				.param("ids", ids)
				.query(Integer.class)
				.single(), (count) -> count == RUNS);
		Instant end = Instant.now();
		List<Double> firstStepMillis = this.jdbc.sql("""
				select extract(epoch from (min(ev.at) - e.created_at)) * 1000
				from workflow_execution e join workflow_execution_event ev on ev.execution_id = e.id
				where e.id in (:ids) and ev.phase = 'running'
				group by e.id, e.created_at
				""").param("ids", ids).query(Double.class).list().stream().sorted().toList();
		Double meanRunMillis = this.jdbc
			.sql("select avg(extract(epoch from (completed_at - created_at)) * 1000) from workflow_execution "
					+ "where id in (:ids)")
			.param("ids", ids)
			.query(Double.class)
			.single();
		Integer completed = this.jdbc
			.sql("select count(*) from workflow_execution where id in (:ids) and phase = 'Completed'")
			.param("ids", ids)
			.query(Integer.class)
			.single();
		double seconds = Duration.between(begin, end).toMillis() / 1000.0;
		System.out.printf("%nENGINE BENCHMARK: %d executions x 7 steps (%s), one replica%n", RUNS,
				sandbox ? "scale_deployment on the sandbox Kubernetes API" : "wait 0");
		System.out.printf("  completed                 : %d / %d%n", completed, RUNS);
		System.out.printf("  submit phase              : %.2f s%n",
				Duration.between(begin, submittedAll).toMillis() / 1000.0);
		System.out.printf("  wall time                 : %.2f s%n", seconds);
		System.out.printf("  throughput                : %.1f runs/s, %.0f steps/s%n", RUNS / seconds,
				RUNS * 7 / seconds);
		System.out.printf("  mean run (submit → end)   : %.1f ms, i.e. %.2f ms per step on the 5-level path%n",
				meanRunMillis, meanRunMillis / 5);
		System.out.printf("  submit → first step start : p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
				percentile(firstStepMillis, 50), percentile(firstStepMillis, 99),
				firstStepMillis.get(firstStepMillis.size() - 1));
		List<Double> overhead = uncontendedStepOverhead(definition, parameters, 30);
		System.out.printf(
				"  step overhead, one run at a time (ready → started, 30 runs x 7 steps) : p50 %.2f ms, "
						+ "p99 %.2f ms, mean %.2f ms%n",
				percentile(overhead, 50), percentile(overhead, 99),
				overhead.stream().mapToDouble(Double::doubleValue).average().orElse(0));
	}

	/**
	 * For runs submitted one at a time: how long each step waited between becoming ready
	 * (its last dependency completed, or the run was submitted) and starting (its
	 * committed {@code running} event) — the engine's own scheduling cost per step.
	 */
	private List<Double> uncontendedStepOverhead(Map<String, Object> definition, Map<String, Object> parameters,
			int runs) {
		List<Double> gaps = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			UUID id = this.executions
				.submit(new CreateWorkflowExecutionRequest(definition, parameters,
						new ResourceRef("Deployment", "bench", "app-" + (i % SANDBOX_DEPLOYMENTS)), false))
				.id();
			await().atMost(Duration.ofMinutes(1))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> this.jdbc.sql("select completed_at is not null from workflow_execution where id = :id")
					.param("id", id)
					.query(Boolean.class)
					.single());
			Instant created = this.jdbc.sql("select created_at from workflow_execution where id = :id")
				.param("id", id)
				.query((rs, row) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
				.single();
			Map<String, Instant> started = new java.util.HashMap<>();
			Map<String, Instant> completed = new java.util.HashMap<>();
			this.jdbc
				.sql("select step_id, phase, at from workflow_execution_event where execution_id = :id "
						+ "and step_id is not null order by id")
				.param("id", id)
				.query((rs, row) -> {
					Instant at = rs.getObject("at", java.time.OffsetDateTime.class).toInstant();
					if ("running".equals(rs.getString("phase"))) {
						started.putIfAbsent(rs.getString("step_id"), at);
					}
					if ("completed".equals(rs.getString("phase"))) {
						completed.put(rs.getString("step_id"), at);
					}
					return null;
				})
				.list();
			DEPENDENCIES.forEach((step, dependsOn) -> {
				Instant ready = dependsOn.stream().map(completed::get).max(Instant::compareTo).orElse(created);
				gaps.add(Duration.between(ready, started.get(step)).toNanos() / 1e6);
			});
		}
		return gaps.stream().sorted().toList();
	}

	private static final Map<String, List<String>> DEPENDENCIES = Map.of("s1", List.of(), "s2", List.of(), "s3",
			List.of("s1", "s2"), "s4", List.of("s3"), "s5", List.of("s4"), "s6", List.of("s4"), "s7",
			List.of("s5", "s6"));

	private static Map<String, Object> step(String id, String... dependsOn) {
		boolean sandbox = "sandbox".equals(MODE);
		return Map.of("id", "s" + id, "action", sandbox ? "scale_deployment" : "wait", "parameters",
				sandbox ? Map.of() : Map.of("duration", "0"), "dependsOn",
				List.of(dependsOn).stream().map((d) -> "s" + d).toList());
	}

	private static double percentile(List<Double> sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

}
