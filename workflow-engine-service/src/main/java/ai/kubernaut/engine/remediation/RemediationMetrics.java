package ai.kubernaut.engine.remediation;

import java.time.Duration;
import java.util.Locale;

import ai.kubernaut.contracts.remediation.RemediationPhase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The engine's outcome metrics, as Prometheus shows them:
 * {@code kubernaut_remediations_total{outcome,result}} (phase and Kubernaut outcome),
 * {@code kubernaut_remediation_duration_seconds{outcome}} (from acceptance to the final
 * phase, queueing included) and {@code kubernaut_remediation_rejections_total{reason}}.
 */
class RemediationMetrics {

	private final MeterRegistry registry;

	RemediationMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void finished(RemediationPhase phase, String outcome, Duration took) {
		String phaseTag = phase.name().toLowerCase(Locale.ROOT);
		Counter.builder("kubernaut.remediations")
			.description("Remediations that reached a final phase")
			.tag("outcome", phaseTag)
			.tag("result", (outcome != null) ? outcome : "none")
			.register(this.registry)
			.increment();
		Timer.builder("kubernaut.remediation.duration")
			.description("Time from accepting a remediation to its final phase")
			.tag("outcome", phaseTag)
			.register(this.registry)
			.record(took);
	}

	void rejected(String reason) {
		Counter.builder("kubernaut.remediation.rejections")
			.description("Remediations refused before they were stored")
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

}
