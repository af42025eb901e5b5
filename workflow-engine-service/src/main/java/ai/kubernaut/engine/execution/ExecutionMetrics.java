package ai.kubernaut.engine.execution;

import java.time.Duration;
import java.time.Instant;

import ai.kubernaut.dag.workflow.StepPhase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The workflow execution metrics, under the names operators' runbooks use:
 * {@code workflowexecution_phase_transitions_total{phase}},
 * {@code workflowexecution_phase_duration_seconds{phase}} (submission to the end of the
 * run, by final phase), {@code workflowexecution_errors_total{category,reason}},
 * {@code workflowexecution_skip_total{reason}}, {@code workflowexecution_lock_released}
 * and {@code workflowexecution_step_duration_seconds{action,phase}}.
 */
public class ExecutionMetrics {

	private final MeterRegistry registry;

	private final Counter leaseReleased;

	private final Counter redriven;

	public ExecutionMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.leaseReleased = Counter.builder("workflowexecution.lock.released")
			.description("Execution leases released by this replica")
			.register(registry);
		this.redriven = Counter.builder("workflowexecution.redriven")
			.description("Step attempts re-driven after their replica stopped")
			.register(registry);
	}

	void phase(ExecutionPhase from, ExecutionPhase to, ExecutionRow execution, Instant now) {
		Counter.builder("workflowexecution.phase.transitions")
			.tag("phase", to.name())
			.register(this.registry)
			.increment();
		if (to.isTerminal()) {
			Timer.builder("workflowexecution.phase.duration")
				.tag("phase", to.name())
				.register(this.registry)
				.record(Duration.between(execution.createdAt(), now));
		}
		if (to == ExecutionPhase.Failed || to == ExecutionPhase.TimedOut) {
			error("execution", to.name());
		}
	}

	/**
	 * Counts a skip; {@code reason} is a step's skip sentence or a remediation skip
	 * reason such as {@code ResourceBusy}.
	 */
	public void skipped(String reason) {
		Counter.builder("workflowexecution.skip").tag("reason", category(reason)).register(this.registry).increment();
	}

	public void error(String category, String reason) {
		Counter.builder("workflowexecution.errors")
			.tag("category", category)
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	void step(String action, StepPhase phase, Duration duration) {
		Timer.builder("workflowexecution.step.duration")
			.tag("action", action)
			.tag("phase", phase.text())
			.register(this.registry)
			.record(duration);
	}

	void leaseReleased() {
		this.leaseReleased.increment();
	}

	void redriven() {
		this.redriven.increment();
	}

	// Skip sentences name steps; tags must stay few, so keep only the kind of reason.
	private static String category(String reason) {
		if (reason.startsWith("dependency")) {
			return "DependencyNotCompleted";
		}
		if (reason.startsWith("its condition")) {
			return "ConditionFalse";
		}
		if (reason.startsWith("the workflow timed out")) {
			return "WorkflowTimedOut";
		}
		if (reason.startsWith("the run stopped")) {
			return "RunStopped";
		}
		return reason;
	}

}
