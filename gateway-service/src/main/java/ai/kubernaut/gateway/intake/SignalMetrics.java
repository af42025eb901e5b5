package ai.kubernaut.gateway.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code kubernaut_gateway_signals_total{source, outcome, reason}} counts every signal by
 * what became of it ({@code created, rejected, ignored, failed}, and {@code invalid} for
 * payloads that failed validation);
 * {@code kubernaut_gateway_signal_processing_seconds{outcome}} times the intake from
 * validation to answer, with histogram buckets so the p95 &lt; 50 ms objective can be
 * tracked.
 */
public class SignalMetrics {

	static final String SIGNALS = "kubernaut.gateway.signals";

	static final String PROCESSING = "kubernaut.gateway.signal.processing";

	private final MeterRegistry registry;

	SignalMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	Timer.Sample start() {
		return Timer.start(this.registry);
	}

	void record(String source, SignalOutcome outcome, Timer.Sample sample) {
		count(source, outcome.status().code(), (outcome.reason() != null) ? outcome.reason() : "none");
		sample.stop(Timer.builder(PROCESSING)
			.description("Time to process one signal, from validated payload to outcome")
			.tag("outcome", outcome.status().code())
			.publishPercentileHistogram()
			.register(this.registry));
	}

	/**
	 * Counts a payload an adapter rejected before it became a signal.
	 */
	public void invalid(String source) {
		count(source, "invalid", "validation_error");
	}

	private void count(String source, String outcome, String reason) {
		Counter.builder(SIGNALS)
			.description("Signals received, by outcome")
			.tag("source", source)
			.tag("outcome", outcome)
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

}
