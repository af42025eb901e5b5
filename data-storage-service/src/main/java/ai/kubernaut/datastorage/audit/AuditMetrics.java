package ai.kubernaut.datastorage.audit;

import ai.kubernaut.contracts.audit.ChainVerification;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code kubernaut_audit_events_recorded_total} and
 * {@code kubernaut_audit_chain_verifications_total{outcome=verified|violated}}.
 */
class AuditMetrics {

	private final Counter recorded;

	private final Counter verified;

	private final Counter violated;

	AuditMetrics(MeterRegistry registry) {
		this.recorded = Counter.builder("kubernaut.audit.events.recorded")
			.description("Audit events appended")
			.register(registry);
		this.verified = verification(registry, "verified");
		this.violated = verification(registry, "violated");
	}

	void recorded(int events) {
		this.recorded.increment(events);
	}

	void verified(ChainVerification verification) {
		(verification.verified() ? this.verified : this.violated).increment();
	}

	private static Counter verification(MeterRegistry registry, String outcome) {
		return Counter.builder("kubernaut.audit.chain.verifications")
			.description("Hash chain verifications by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

}
