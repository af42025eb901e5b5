package ai.kubernaut.engine.remediation;

import java.time.Duration;
import java.util.Locale;

import ai.kubernaut.contracts.remediation.RemediationPhase;
import ai.kubernaut.dag.StepEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The engine's outcome metrics, as Prometheus shows them:
 * {@code kubernaut_remediations_total{outcome}},
 * {@code kubernaut_remediation_steps_total{action,outcome}},
 * {@code kubernaut_remediation_duration_seconds{outcome}} (from acceptance to the final
 * phase, queueing included) and {@code kubernaut_remediation_rejections_total{reason}}.
 */
class RemediationMetrics {

	private final MeterRegistry registry;

	RemediationMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void finished(RemediationPhase phase, Duration took) {
		String outcome = phase.name().toLowerCase(Locale.ROOT);
		Counter.builder("kubernaut.remediations")
			.description("Remediations that reached a final phase")
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
		Timer.builder("kubernaut.remediation.duration")
			.description("Time from accepting a remediation to its final phase")
			.tag("outcome", outcome)
			.register(this.registry)
			.record(took);
	}

	void step(StepEvent event) {
		if (!event.status().isTerminal()) {
			return;
		}
		Counter.builder("kubernaut.remediation.steps")
			.description("Workflow steps that reached a final status")
			.tag("action", event.step().action())
			.tag("outcome", event.status().name().toLowerCase(Locale.ROOT))
			.register(this.registry)
			.increment();
	}

	void rejected(String reason) {
		Counter.builder("kubernaut.remediation.rejections")
			.description("Remediations refused before they were stored")
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

}
