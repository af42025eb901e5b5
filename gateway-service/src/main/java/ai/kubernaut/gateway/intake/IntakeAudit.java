package ai.kubernaut.gateway.intake;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.kubernaut.contracts.audit.AuditEvent;
import ai.kubernaut.gateway.classify.SignalContext;
import ai.kubernaut.gateway.signal.NormalizedSignal;
import ai.kubernaut.support.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;

/**
 * The gateway's audit events, Kubernaut's names with "remediation" for "crd":
 * {@code gateway.signal.received} and {@code gateway.remediation.created} when a signal
 * starts a remediation (recorded in the dedup transaction, so they exist exactly when the
 * remediation does), {@code gateway.signal.deduplicated} for a duplicate and
 * {@code gateway.remediation.failed} when the hand-off failed. The correlation id is the
 * remediation id, or the fingerprint when there is none.
 */
class IntakeAudit {

	private static final Logger log = LoggerFactory.getLogger(IntakeAudit.class);

	private final AuditTrail trail;

	private final Clock clock;

	IntakeAudit(AuditTrail trail, Clock clock) {
		this.trail = trail;
		this.clock = clock;
	}

	void created(NormalizedSignal signal, SignalOutcome.Created created, SignalContext context) {
		String correlation = created.remediationId().toString();
		Map<String, Object> data = data(signal, created);
		data.put("remediation_id", correlation);
		data.put("environment", context.classification().environment());
		data.put("priority", context.classification().priority());
		data.put("custom_labels", context.customLabels());
		data.put("detected_labels", context.detectedLabels());
		if (created.route() != null) {
			data.put("route_rule", created.route().rule());
			data.put("route_action_type", created.route().actionType());
			data.put("route_manual_review", created.route().manualReview());
		}
		this.trail
			.record(event("gateway.signal.received", "received", "success", correlation, signal, created, null, data));
		this.trail.record(
				event("gateway.remediation.created", "created", "success", correlation, signal, created, null, data));
	}

	void deduplicated(NormalizedSignal signal, SignalOutcome.Duplicate duplicate) {
		Map<String, Object> data = data(signal, duplicate);
		data.put("remediation_id", duplicate.remediationId().toString());
		data.put("occurrence_count", duplicate.count());
		safely(event("gateway.signal.deduplicated", "deduplicated", "success", duplicate.remediationId().toString(),
				signal, duplicate, null, data));
	}

	void failed(NormalizedSignal signal, SignalOutcome.Failed failed) {
		String correlation = (failed.fingerprint() != null) ? failed.fingerprint().value() : signal.name();
		safely(event("gateway.remediation.failed", "create", "failure", correlation, signal, failed, failed.detail(),
				data(signal, failed)));
	}

	/** Outside the dedup transaction a failing audit write must not change the answer. */
	private void safely(AuditEvent event) {
		try {
			this.trail.record(event);
		}
		catch (DataAccessException ex) {
			log.error("Could not record audit event {}", event.eventType(), ex);
		}
	}

	private AuditEvent event(String type, String action, String outcome, String correlation, NormalizedSignal signal,
			SignalOutcome result, String error, Map<String, Object> data) {
		return new AuditEvent("1.0", type, this.clock.instant(), "gateway", action, outcome, correlation, "service",
				"gateway-service", (result.target() != null) ? result.target().kind() : null,
				(result.fingerprint() != null) ? result.fingerprint().value() : null,
				(result.target() != null) ? result.target().name() : null,
				(result.target() != null) ? result.target().namespace() : signal.namespace(), signal.severity(), null,
				(error != null) ? result.reason() : null, error, data);
	}

	private static Map<String, Object> data(NormalizedSignal signal, SignalOutcome result) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("signal_name", signal.name());
		data.put("signal_source", signal.source());
		data.put("severity", signal.severity());
		if (result.fingerprint() != null) {
			data.put("fingerprint", result.fingerprint().value());
		}
		if (result.target() != null) {
			data.put("target_resource", result.target().toString());
		}
		if (signal.cluster() != null) {
			data.put("cluster", signal.cluster());
		}
		return data;
	}

}
