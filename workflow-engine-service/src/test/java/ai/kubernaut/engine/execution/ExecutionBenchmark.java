package ai.kubernaut.engine.execution;

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
import ai.kubernaut.engine.ServiceIntegrationTest;
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

	@Autowired
	WorkflowExecutions executions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void oomKillGraphWithWaitZeroSteps() throws Exception {
		Map<String, Object> definition = Map.of("name", "oomkill-bench", "strategy", Map.of("parallelism", 3), "steps",
				List.of(step("1"), step("2"), step("3", "1", "2"), step("4", "3"), step("5", "4"), step("6", "4"),
						step("7", "5", "6")));
		List<UUID> ids = Collections.synchronizedList(new ArrayList<>());
		Instant begin = Instant.now();
		try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
			List<Future<?>> submitted = new ArrayList<>();
			for (int i = 0; i < RUNS; i++) {
				int n = i;
				submitted.add(clients.submit(() -> ids.add(
						this.executions
							.submit(new CreateWorkflowExecutionRequest(definition, Map.of(),
									new ResourceRef("Deployment", "bench", "app-" + n), false))
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
		System.out.printf("%nENGINE BENCHMARK: %d executions x 7 steps (wait 0), one replica%n", RUNS);
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
	}

	private static Map<String, Object> step(String id, String... dependsOn) {
		return Map.of("id", "s" + id, "action", "wait", "parameters", Map.of("duration", "0"), "dependsOn",
				List.of(dependsOn).stream().map((d) -> "s" + d).toList());
	}

	private static double percentile(List<Double> sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

}
