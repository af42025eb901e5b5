package ai.kubernaut.gateway.intake;

import java.time.Duration;
import java.time.Instant;

import ai.kubernaut.gateway.signal.NormalizedSignal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The gateway's meters, named as Kubernaut's (§3.5 of the contract) where one exists:
 * <ul>
 * <li>{@code gateway_signals_received_total{source}},
 * {@code gateway_signals_deduplicated_total{source}},
 * {@code gateway_signals_rejected_total{source, reason}},
 * {@code gateway_signals_parse_dropped_total{source}},
 * {@code gateway_remediation_creations_total{source}} (Kubernaut:
 * {@code gateway_crds_created_total}; a {@code _created} suffix is reserved in
 * OpenMetrics) and {@code gateway_remediation_creation_errors_total{source,
 * reason}};</li>
 * <li>{@code gateway_owner_resolution_total{outcome=resolved|not_found|error}};</li>
 * <li>{@code gateway_signal_processing_seconds{outcome}}: validated payload to outcome;
 * {@code gateway_signal_age_seconds}: alert {@code startsAt} to receipt (how late alerts
 * arrive); {@code gateway_remediation_creation_seconds}: receipt to remediation
 * created;</li>
 * <li>{@code kubernaut_gateway_signals_total{source, outcome, reason}}: every signal by
 * outcome, one counter to graph them all;</li>
 * <li>{@code kubernaut_gateway_resolutions_total{outcome}}: what resolved alerts did to
 * the standing remediation ({@code resolved-cancelled},
 * {@code resolved-already-finished}, {@code resolved-no-remediation},
 * {@code resolved-cancel-pending}), and
 * {@code kubernaut_gateway_deferred_cancellations_total{outcome}} for the retried
 * ones;</li>
 * <li>{@code kubernaut_gateway_duplicates_from_memory_total}: duplicates answered without
 * the database.</li>
 * </ul>
 * HTTP request durations are Spring's {@code http_server_requests_seconds}.
 */
public class SignalMetrics {

	static final String SIGNALS = "kubernaut.gateway.signals";

	static final String PROCESSING = "gateway.signal.processing";

	private final MeterRegistry registry;

	private final DistributionSummary signalAge;

	private final Timer creation;

	private final Counter fromMemory;

	SignalMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.signalAge = DistributionSummary.builder("gateway.signal.age")
			.baseUnit("seconds")
			.description("Time from the alert's startsAt to its receipt by the gateway")
			.serviceLevelObjectives(1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600)
			.register(registry);
		this.fromMemory = Counter.builder("kubernaut.gateway.duplicates.from.memory")
			.description("Duplicates answered from this replica's memory of standing remediations")
			.register(registry);
		this.creation = Timer.builder("gateway.remediation.creation")
			.description("Time from receipt of a signal to its remediation being created")
			.publishPercentileHistogram()
			.register(registry);
	}

	Timer.Sample start() {
		return Timer.start(this.registry);
	}

	void received(NormalizedSignal signal, Instant receivedAt) {
		Counter.builder("gateway.signals.received")
			.description("Signals received")
			.tag("source", signal.source())
			.register(this.registry)
			.increment();
		if (signal.startsAt() != null && !signal.resolved()) {
			this.signalAge.record(Math.max(0, Duration.between(signal.startsAt(), receivedAt).toMillis() / 1000.0));
		}
	}

	void created(Duration sinceReceipt) {
		this.creation.record(sinceReceipt);
	}

	/**
	 * {@code kubernaut_gateway_resolutions_total{outcome}}: what a resolved alert did to
	 * the remediation standing for its fingerprint.
	 */
	void resolution(SignalOutcome.Resolved.Resolution resolution) {
		Counter.builder("kubernaut.gateway.resolutions")
			.description("Resolved alerts, by what became of the remediation standing for their fingerprint")
			.tag("outcome", resolution.code())
			.register(this.registry)
			.increment();
	}

	/**
	 * {@code kubernaut_gateway_deferred_cancellations_total{outcome}}: retries of
	 * cancellations the engine could not take when the alert resolved.
	 */
	void deferredCancellation(String outcome) {
		Counter.builder("kubernaut.gateway.deferred.cancellations")
			.description("Retried cancellations of remediations whose alert resolved, by outcome")
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

	/**
	 * {@code kubernaut_gateway_duplicates_from_memory_total}: duplicates answered without
	 * a database round trip (see {@code StandingRemediations}).
	 */
	void duplicateFromMemory() {
		this.fromMemory.increment();
	}

	void ownerResolution(String outcome) {
		Counter.builder("gateway.owner.resolution")
			.description("Owner resolutions, by outcome")
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

	void record(String source, SignalOutcome outcome, Timer.Sample sample) {
		count(source, outcome.status().code(), (outcome.reason() != null) ? outcome.reason() : "none");
		switch (outcome.status()) {
			case CREATED -> counter("gateway.remediation.creations", source).increment();
			case DUPLICATE -> counter("gateway.signals.deduplicated", source).increment();
			case REJECTED -> Counter.builder("gateway.signals.rejected")
				.tag("source", source)
				.tag("reason", outcome.reason())
				.register(this.registry)
				.increment();
			case FAILED -> Counter.builder("gateway.remediation.creation.errors")
				.tag("source", source)
				.tag("reason", outcome.reason())
				.register(this.registry)
				.increment();
			case IGNORED -> {
			}
		}
		sample.stop(Timer.builder(PROCESSING)
			.description("Time to process one signal, from validated payload to outcome")
			.tag("outcome", outcome.status().code())
			.publishPercentileHistogram()
			.register(this.registry));
	}

	/**
	 * Counts a payload (or one alert of it) an adapter rejected before it became a
	 * signal.
	 */
	public void invalid(String source) {
		count(source, "invalid", "validation_error");
		counter("gateway.signals.parse.dropped", source).increment();
	}

	private Counter counter(String name, String source) {
		return Counter.builder(name).tag("source", source).register(this.registry);
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
