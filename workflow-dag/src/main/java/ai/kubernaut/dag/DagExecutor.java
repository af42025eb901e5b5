package ai.kubernaut.dag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * Runs a {@link Dag} by applying the {@link DagScheduler}'s decisions: starts ready steps
 * on worker threads, at most {@code parallelism} at a time, records each result and asks
 * again until the run is over.
 * <p>
 * All bookkeeping happens on the calling thread, which blocks until the run ends; workers
 * only call the {@link StepRunner}. Thread-safe: one executor can run many graphs
 * concurrently, each on its own calling thread.
 */
public final class DagExecutor {

	private final DagScheduler scheduler;

	private final int parallelism;

	private final ThreadFactory threadFactory;

	/**
	 * An executor that fails fast and runs each step on a virtual thread, as steps mostly
	 * wait on remote APIs.
	 */
	public DagExecutor(int parallelism) {
		this(new DagScheduler(), parallelism, Thread.ofVirtual().name("dag-step-", 0).factory());
	}

	public DagExecutor(DagScheduler scheduler, int parallelism, ThreadFactory threadFactory) {
		if (parallelism < 1) {
			throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
		}
		this.scheduler = scheduler;
		this.parallelism = parallelism;
		this.threadFactory = threadFactory;
	}

	public DagRun execute(Dag dag, StepRunner runner) {
		return execute(dag, runner, DagListener.NONE);
	}

	/**
	 * Runs {@code dag} to the end and reports each transition to {@code listener} first.
	 * @throws CancellationException if the calling thread is interrupted; running steps
	 * are interrupted too and the thread's interrupt flag stays set
	 */
	public DagRun execute(Dag dag, StepRunner runner, DagListener listener) {
		Run run = new Run(dag, listener);
		ExecutorService workers = Executors.newThreadPerTaskExecutor(this.threadFactory);
		try {
			return run.drive(runner, new ExecutorCompletionService<>(workers));
		}
		catch (RuntimeException | Error ex) {
			// Interrupt running steps before close() waits for them; a run that cannot go
			// on must not keep acting.
			workers.shutdownNow();
			throw ex;
		}
		finally {
			workers.close();
		}
	}

	private final class Run {

		private final Dag dag;

		private final DagListener listener;

		private final Map<String, StepStatus> state = new HashMap<>();

		private final List<StepEvent> timeline = new ArrayList<>();

		private final Map<Future<StepResult>, StepSpec> running = new HashMap<>();

		Run(Dag dag, DagListener listener) {
			this.dag = dag;
			this.listener = listener;
		}

		DagRun drive(StepRunner runner, CompletionService<StepResult> completions) {
			while (true) {
				Decision decision = DagExecutor.this.scheduler.decide(this.dag, this.state);
				decision.skip()
					.forEach((skip) -> record(StepEvent.skipped(this.dag.step(skip.stepId()), skip.reason())));
				if (decision.isFinished()) {
					return new DagRun(decision.outcome(), this.timeline);
				}
				for (StepSpec step : decision.start()) {
					if (this.running.size() >= DagExecutor.this.parallelism) {
						break;
					}
					record(StepEvent.started(step));
					this.running.put(completions.submit(() -> runSafely(runner, step)), step);
				}
				if (this.running.isEmpty()) {
					throw new IllegalStateException("Run of " + this.dag + " is stuck at " + this.state);
				}
				awaitOne(completions);
			}
		}

		private void awaitOne(CompletionService<StepResult> completions) {
			Future<StepResult> done;
			try {
				done = completions.take();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				CancellationException cancelled = new CancellationException("Interrupted while steps "
						+ this.running.values().stream().map(StepSpec::id).toList() + " were running");
				cancelled.initCause(ex);
				throw cancelled;
			}
			StepSpec step = this.running.remove(done);
			StepResult result;
			try {
				result = done.get();
			}
			catch (ExecutionException ex) {
				result = StepResult.failed(describe(ex.getCause()));
			}
			catch (InterruptedException ex) {
				// Unreachable: take() only returns completed futures.
				Thread.currentThread().interrupt();
				throw new CancellationException("Interrupted while reading the result of step '" + step.id() + "'");
			}
			record(StepEvent.finished(step, result));
		}

		private void record(StepEvent event) {
			this.timeline.add(event);
			this.state.put(event.stepId(), event.status());
			this.listener.onEvent(event);
		}

	}

	private static StepResult runSafely(StepRunner runner, StepSpec step) {
		try {
			StepResult result = runner.run(step);
			return (result != null) ? result
					: StepResult.failed("The runner of step '" + step.id() + "' returned no result");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return StepResult.failed("Step '" + step.id() + "' was interrupted");
		}
		catch (Exception ex) {
			return StepResult.failed(describe(ex));
		}
	}

	private static String describe(Throwable failure) {
		String message = failure.getMessage();
		return (message != null && !message.isBlank()) ? message : failure.getClass().getSimpleName();
	}

}
