package ai.kubernaut.dag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static ai.kubernaut.dag.DagRunAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@Timeout(10)
class DagExecutorTest {

	private final DagExecutor executor = new DagExecutor(4);

	@Test
	void runsADiamondInDependencyOrder() {
		Dag dag = Dag.builder()
			.step("drain", "drain_node")
			.step("restart", "restart_deployment", "drain")
			.step("scale", "scale_deployment", "drain")
			.step("verify", "verify_health", "restart", "scale")
			.build();

		DagRun run = this.executor.execute(dag, succeedingWith(Map.of()));

		assertThat(run).succeeded()
			.executedInOrder("drain", "restart", "verify")
			.executedInOrder("drain", "scale", "verify");
	}

	@Test
	void fansOutToBranchesThatRunConcurrentlyAndFansBackIn() {
		Dag dag = Dag.builder()
			.step("snapshot", "snapshot")
			.step("scale-api", "scale_deployment", "snapshot")
			.step("scale-worker", "scale_deployment", "snapshot")
			.step("notify", "notify", "scale-api", "scale-worker")
			.build();
		// Each branch waits until the other has started: run one after the other, they
		// would time out and fail.
		CountDownLatch bothBranchesStarted = new CountDownLatch(2);

		DagRun run = this.executor.execute(dag, (step) -> {
			if (step.id().startsWith("scale-")) {
				bothBranchesStarted.countDown();
				if (!bothBranchesStarted.await(5, TimeUnit.SECONDS)) {
					return StepResult.failed("the other branch never started");
				}
			}
			return StepResult.succeeded(Map.of());
		});

		assertThat(run).succeeded()
			.ranConcurrently("scale-api", "scale-worker")
			.executedInOrder("snapshot", "scale-api", "notify")
			.executedInOrder("snapshot", "scale-worker", "notify");
	}

	@Test
	void neverRunsMoreStepsAtOnceThanItsParallelism() throws Exception {
		Dag.Builder builder = Dag.builder();
		for (int i = 1; i <= 6; i++) {
			builder.step("scale-" + i, "scale_deployment");
		}
		Dag dag = builder.build();
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger mostInFlight = new AtomicInteger();
		Semaphore started = new Semaphore(0);
		Semaphore mayFinish = new Semaphore(0);

		CompletableFuture<DagRun> run = CompletableFuture.supplyAsync(() -> new DagExecutor(2).execute(dag, (step) -> {
			mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
			started.release();
			mayFinish.acquire();
			inFlight.decrementAndGet();
			return StepResult.succeeded(Map.of());
		}));
		assertThat(started.tryAcquire(2, 5, TimeUnit.SECONDS)).as("two steps started").isTrue();
		for (int i = 0; i < 6; i++) {
			mayFinish.release();
		}

		assertThat(run.get(5, TimeUnit.SECONDS)).succeeded();
		assertThat(mostInFlight).hasValue(2);
	}

	@Test
	void aFailedParentSkipsItsDependentsAndFailsTheRun() {
		Dag dag = Dag.builder()
			.step("drain", "drain_node")
			.step("restart", "restart_deployment", "drain")
			.step("notify", "notify", "restart")
			.build();

		DagRun run = this.executor.execute(dag, (step) -> step.id().equals("drain")
				? StepResult.failed("PodDisruptionBudget blocks eviction") : StepResult.succeeded(Map.of()));

		assertThat(run).failed().stepFailedWith("drain", "PodDisruptionBudget").skipped("restart", "notify");
		assertThat(run.message("notify")).isEqualTo("dependency 'restart' skipped");
	}

	@Test
	void aRunnerThatThrowsFailsItsStepWithTheExceptionMessage() {
		Dag dag = Dag.builder().step("scale", "scale_deployment").build();

		DagRun run = this.executor.execute(dag, (step) -> {
			throw new IllegalStateException("Deployment demo/api not found");
		});

		assertThat(run).failed().stepFailedWith("scale", "Deployment demo/api not found");
	}

	@Test
	void keepsWhatEachStepReported() {
		Dag dag = Dag.builder().step("scale", "scale_deployment").build();

		DagRun run = this.executor.execute(dag, succeedingWith(Map.of("previousReplicas", 3, "replicas", 4)));

		assertThat(run.output("scale")).containsEntry("previousReplicas", 3).containsEntry("replicas", 4);
	}

	@Test
	void reportsEveryTransitionToTheListenerInTimelineOrder() {
		Dag dag = Dag.builder()
			.step("scale", "scale_deployment")
			.step("verify", "verify_health", "scale")
			.step("notify", "notify", "verify")
			.build();
		List<String> heard = Collections.synchronizedList(new ArrayList<>());

		DagRun run = this.executor
			.execute(dag,
					(step) -> step.id().equals("verify") ? StepResult.failed("still unhealthy")
							: StepResult.succeeded(Map.of()),
					(event) -> heard.add(event.stepId() + ":" + event.status()));

		assertThat(heard).containsExactly("scale:RUNNING", "scale:SUCCEEDED", "verify:RUNNING", "verify:FAILED",
				"notify:SKIPPED");
		assertThat(run.timeline()).extracting((event) -> event.stepId() + ":" + event.status()).isEqualTo(heard);
	}

	@Test
	void aListenerThatCannotRecordProgressStopsTheRun() {
		Dag dag = Dag.builder()
			.step("scale", "scale_deployment")
			.step("restart", "restart_deployment", "scale")
			.build();
		List<String> ran = Collections.synchronizedList(new ArrayList<>());

		assertThatIllegalStateException().isThrownBy(() -> this.executor.execute(dag, (step) -> {
			ran.add(step.id());
			return StepResult.succeeded(Map.of());
		}, (event) -> {
			if (event.status() == StepStatus.SUCCEEDED) {
				throw new IllegalStateException("database down");
			}
		})).withMessage("database down");
		assertThat(ran).containsExactly("scale");
	}

	@Test
	void stoppingARunInterruptsTheStepsStillRunning() {
		Dag dag = Dag.builder().step("quick", "noop").step("slow", "noop").build();
		CountDownLatch slowStarted = new CountDownLatch(1);
		AtomicBoolean slowInterrupted = new AtomicBoolean();

		assertThatIllegalStateException().isThrownBy(() -> this.executor.execute(dag, (step) -> {
			if (step.id().equals("slow")) {
				slowStarted.countDown();
				try {
					new CountDownLatch(1).await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					slowInterrupted.set(true);
					throw ex;
				}
			}
			else {
				slowStarted.await(5, TimeUnit.SECONDS);
			}
			return StepResult.succeeded(Map.of());
		}, (event) -> {
			if (event.stepId().equals("quick") && event.status() == StepStatus.SUCCEEDED) {
				throw new IllegalStateException("database down");
			}
		}));
		assertThat(slowInterrupted).isTrue();
	}

	@Test
	void interruptingTheCallerCancelsTheRunAndKeepsTheInterruptFlag() throws Exception {
		Dag dag = Dag.builder().step("slow", "noop").build();
		CountDownLatch started = new CountDownLatch(1);
		CompletableFuture<Throwable> outcome = new CompletableFuture<>();
		Thread caller = Thread.ofPlatform().start(() -> {
			try {
				this.executor.execute(dag, (step) -> {
					started.countDown();
					new CountDownLatch(1).await(30, TimeUnit.SECONDS);
					return StepResult.succeeded(Map.of());
				});
				outcome.complete(null);
			}
			catch (RuntimeException ex) {
				outcome.complete(Thread.currentThread().isInterrupted() ? ex : new AssertionError("flag cleared", ex));
			}
		});
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

		caller.interrupt();

		assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class)
			.hasMessageContaining("[slow]");
	}

	private static StepRunner succeedingWith(Map<String, Object> output) {
		return (step) -> StepResult.succeeded(output);
	}

}
