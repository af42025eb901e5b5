package ai.kubernaut.engine.execution;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import ai.kubernaut.actions.ActionContext;
import ai.kubernaut.actions.ActionParameter;
import ai.kubernaut.actions.RemediationAction;

/**
 * Test actions that record every call. The seed OOMKill actions meet in pairs at a
 * barrier, so a pair that did not run concurrently fails; {@code hold} blocks until
 * released; {@code count} and {@code flaky} do nothing but count.
 */
public final class RecordingActions {

	private static final Duration MEETING_TIMEOUT = Duration.ofSeconds(10);

	private final Queue<Call> calls = new ConcurrentLinkedQueue<>();

	private final Map<String, CyclicBarrier> barriers = new ConcurrentHashMap<>();

	private final Map<String, Integer> failuresLeft = new ConcurrentHashMap<>();

	private volatile CountDownLatch hold = new CountDownLatch(1);

	private volatile CountDownLatch holding = new CountDownLatch(1);

	/**
	 * One call of an action.
	 */
	public record Call(UUID executionId, String stepId, String action, Instant startedAt, Instant endedAt,
			Map<String, Object> parameters, String error) {

	}

	private void record(ActionContext context, String name, Instant started, String error) {
		this.calls.add(new Call(context.remediationId(), context.stepId(), name, started, Instant.now(),
				context.parameters(), error));
	}

	public List<RemediationAction> actions() {
		List<RemediationAction> actions = new java.util.ArrayList<>(seedActions());
		actions.addAll(List.of(plain("count"), hold(), flaky()));
		return actions;
	}

	/**
	 * Stand-ins for the actions the seed OOMKill workflow names.
	 */
	public List<RemediationAction> seedActions() {
		return List.of(meeting("collect_diagnostics", "diagnostics+backup"),
				meeting("backup_data", "diagnostics+backup"), plain("increase_resources"), plain("restart_pod"),
				meeting("enable_debug_mode", "debug+hpa"), meeting("update_hpa", "debug+hpa"), plain("notify_only"));
	}

	public RemediationAction action(String name) {
		return actions().stream().filter((action) -> action.name().equals(name)).findFirst().orElseThrow();
	}

	public List<Call> calls(UUID executionId) {
		return this.calls.stream().filter((call) -> call.executionId().equals(executionId)).toList();
	}

	public List<Call> calls() {
		return List.copyOf(this.calls);
	}

	/**
	 * Makes the next {@code failures} calls of {@code flaky} by steps with id
	 * {@code stepId} fail; tests use step ids of their own.
	 */
	public void failNext(String stepId, int failures) {
		this.failuresLeft.put(stepId, failures);
	}

	public void awaitHolding() throws InterruptedException {
		if (!this.holding.await(10, TimeUnit.SECONDS)) {
			throw new IllegalStateException("no hold step started");
		}
	}

	public void releaseHold() {
		this.hold.countDown();
	}

	public void resetHold() {
		this.hold = new CountDownLatch(1);
		this.holding = new CountDownLatch(1);
	}

	private RemediationAction meeting(String name, String pair) {
		return action(name, (context) -> {
			CyclicBarrier barrier = this.barriers.computeIfAbsent(pair + "/" + context.remediationId(),
					(key) -> new CyclicBarrier(2));
			try {
				barrier.await(MEETING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (BrokenBarrierException | TimeoutException ex) {
				throw new IllegalStateException(name + " did not run alongside its parallel sibling");
			}
			return Map.of("artifact", name + "-" + context.stepId());
		});
	}

	private RemediationAction plain(String name) {
		return action(name, (context) -> Map.of("done", true));
	}

	private RemediationAction hold() {
		return action("hold", (context) -> {
			this.holding.countDown();
			if (!this.hold.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("hold was never released");
			}
			return Map.of("held", true);
		});
	}

	private RemediationAction flaky() {
		return action("flaky", (context) -> {
			Integer left = this.failuresLeft.getOrDefault(context.stepId(), 0);
			if (left > 0) {
				this.failuresLeft.put(context.stepId(), left - 1);
				throw new IllegalStateException("flaky failure, " + (left - 1) + " left");
			}
			return Map.of("done", true);
		});
	}

	private RemediationAction action(String name, Body body) {
		return new RemediationAction() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public List<ActionParameter> parameters() {
				return List.of();
			}

			@Override
			public Map<String, Object> execute(ActionContext context) {
				Instant started = Instant.now();
				try {
					Map<String, Object> output = body.run(context);
					record(context, name, started, null);
					return output;
				}
				catch (RuntimeException ex) {
					record(context, name, started, ex.getMessage());
					throw ex;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted", ex);
				}
			}

		};
	}

	@FunctionalInterface
	private interface Body {

		Map<String, Object> run(ActionContext context) throws InterruptedException;

	}

}
