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

	/**
	 * {@code gateway.signal.resolved} for every resolved alert with a target, saying what
	 * became of the standing remediation, plus {@code gateway.remediation.cancelled} when
	 * the engine cancelled it.
	 */
	void resolved(NormalizedSignal signal, SignalOutcome.Resolved resolved) {
		String correlation = (resolved.remediationId() != null) ? resolved.remediationId().toString()
				: resolved.fingerprint().value();
		Map<String, Object> data = data(signal, resolved);
		data.put("resolution", resolved.resolution().code());
		if (resolved.remediationId() != null) {
			data.put("remediation_id", correlation);
		}
		safely(event("gateway.signal.resolved", "resolve", "success", correlation, signal, resolved, null, data));
		if (resolved.resolution() == SignalOutcome.Resolved.Resolution.CANCELLED) {
			safely(event("gateway.remediation.cancelled", "cancel", "success", correlation, signal, resolved, null,
					data));
		}
	}

	/**
	 * A cancellation the engine could not take when the alert resolved, retried later:
	 * {@code gateway.remediation.cancelled} once delivered,
	 * {@code gateway.remediation.cancel_failed} when given up.
	 */
	void deferredCancellation(DedupLedger.DeferredCancellation cancellation) {
		String type = switch (cancellation.result()) {
			case CANCELLED -> "gateway.remediation.cancelled";
			case GAVE_UP -> "gateway.remediation.cancel_failed";
			default -> null;
		};
		if (type == null) {
			return;
		}
		boolean failed = cancellation.result() == DedupLedger.DeferredCancellation.Result.GAVE_UP;
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("fingerprint", cancellation.fingerprint().value());
		data.put("remediation_id", cancellation.remediationId().toString());
		data.put("deferred", true);
		safely(new AuditEvent("1.0", type, this.clock.instant(), "gateway", "cancel", failed ? "failure" : "success",
				cancellation.remediationId().toString(), "service", "gateway-service", null,
				cancellation.fingerprint().value(), null, null, null, null, failed ? "cancel_failed" : null,
				cancellation.error(), data));
	}

	/**
	 * One {@code gateway.signal.deduplicated} event for the duplicates of one fingerprint
	 * answered from memory since the last write, rather than one per alert: in a storm
	 * the trail records how many arrived between which times, not thousands of identical
	 * rows. Recorded in the caller's transaction (the batch write).
	 */
	void deduplicated(StandingRemediations.Occurrences occurrences) {
		NormalizedSignal signal = occurrences.lastSignal();
		SignalOutcome.Duplicate last = new SignalOutcome.Duplicate(occurrences.fingerprint(), occurrences.target(),
				occurrences.remediationId(), occurrences.count(), occurrences.firstSeenAt(), occurrences.lastSeenAt());
		Map<String, Object> data = data(signal, last);
		data.put("remediation_id", occurrences.remediationId().toString());
		data.put("occurrence_count", occurrences.count());
		data.put("occurrences_in_batch", occurrences.added());
		data.put("last_seen_at", occurrences.lastSeenAt().toString());
		this.trail.record(event("gateway.signal.deduplicated", "deduplicated", "success",
				occurrences.remediationId().toString(), signal, last, null, data));
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
