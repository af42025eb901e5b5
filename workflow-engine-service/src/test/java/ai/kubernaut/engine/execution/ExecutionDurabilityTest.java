package ai.kubernaut.engine.execution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.engine.Fixtures;
import ai.kubernaut.engine.ServiceIntegrationTest;
import ai.kubernaut.testsupport.kubernetes.SandboxKubernetes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replicas sharing one database: a stopped worker's run is taken over and finished
 * without repeating side effects, and two workers never run a step twice.
 */
@ServiceIntegrationTest
class ExecutionDurabilityTest {

	@Autowired
	WorkflowExecutions executions;

	@Autowired
	ExecutionWorker worker;

	@Autowired
	WorkerFactory workers;

	@Autowired
	ExecutionProperties properties;

	@Autowired
	RecordingActions actions;

	@Autowired
	SandboxKubernetes cluster;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anotherReplicaFinishesARunWhoseWorkerStoppedMidwayWithoutRepeatingASideEffect() throws Exception {
		this.cluster.seed(Fixtures.deployment("takeover", "checkout", 2));
		this.actions.resetHold();
		UUID id = this.executions
			.submit(new CreateWorkflowExecutionRequest(
					Map.of("steps",
							List.of(Map.of("id", "scale-up", "action", "scale_deployment", "parameters",
									Map.of("SCALE_REPLICAS", "+1")),
									Map.of("id", "in-flight", "action", "hold", "dependsOn", List.of("scale-up")),
									Map.of("id", "after-takeover", "action", "count", "dependsOn",
											List.of("in-flight")))),
					Map.of(), new ResourceRef("Deployment", "takeover", "checkout"), false))
			.id();
		this.actions.awaitHolding();

		this.worker.stop();
		ExecutionWorker takeover = this.workers.create("takeover-replica", this.properties);
		try {
			this.actions.releaseHold();
			takeover.start();
			WorkflowExecutionView done = await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> this.executions.view(id), (view) -> view.phase().isTerminal());

			assertThat(done.phase()).as(done.reason()).isEqualTo(ExecutionPhase.Completed);
			assertThat(done.steps()).allSatisfy((step) -> assertThat(step.attempts()).isEqualTo(1));
			assertThat(this.cluster.client()
				.apps()
				.deployments()
				.inNamespace("takeover")
				.withName("checkout")
				.get()
				.getSpec()
				.getReplicas()).isEqualTo(3);
			assertThat(this.actions.calls(id)).extracting(RecordingActions.Call::stepId)
				.containsExactly("in-flight", "after-takeover");
			assertThat(this.executions.events(id, 0)).extracting(ExecutionEvent::phase).contains("redriven");
		}
		finally {
			takeover.stop();
			this.worker.start();
		}
	}

	@Test
	void twoReplicasRunTwoHundredExecutionsWithEveryStepExactlyOnce() {
		ExecutionWorker second = this.workers.create("second-replica", this.properties);
		second.start();
		try {
			Map<String, Object> fanOut = Map.of("steps",
					List.of(Map.of("id", "first", "action", "count"),
							Map.of("id", "left", "action", "count", "dependsOn", List.of("first")),
							Map.of("id", "right", "action", "count", "dependsOn", List.of("first")),
							Map.of("id", "join", "action", "count", "dependsOn", List.of("left", "right"))));
			List<UUID> ids = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				ids.add(this.executions
					.submit(new CreateWorkflowExecutionRequest(fanOut, Map.of(),
							new ResourceRef("Deployment", "shared", "app-" + i), false))
					.id());
			}

			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> this.jdbc
					.sql("select count(*) from workflow_execution where id in (:ids) and phase = 'Completed'")
					.param("ids", ids)
					.query(Integer.class)
					.single(), (count) -> count == 200);

			for (UUID id : ids) {
				Map<String, Long> callsPerStep = this.actions.calls(id)
					.stream()
					.collect(Collectors.groupingBy(RecordingActions.Call::stepId, Collectors.counting()));
				assertThat(callsPerStep).as("calls of execution %s", id)
					.isEqualTo(Map.of("first", 1L, "left", 1L, "right", 1L, "join", 1L));
			}
		}
		finally {
			second.stop();
		}
	}

}
