package ai.kubernaut.engine.remediation;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.kubernaut.contracts.audit.AuditEvent;
import ai.kubernaut.support.audit.AuditTrail;

/**
 * The orchestrator's audit events, with Kubernaut's names ({@code orchestrator.*},
 * {@code remediation.workflow_created}) and the remediation id as correlation id.
 * Recorded in the transaction that makes the change, through the outbox.
 */
class RemediationAudit {

	private final AuditTrail trail;

	private final Clock clock;

	RemediationAudit(AuditTrail trail, Clock clock) {
		this.trail = trail;
		this.clock = clock;
	}

	void created(Remediation remediation) {
		record("orchestrator.lifecycle.created", "created", "success", remediation, Map.of(), null);
	}

	void blocked(Remediation remediation, Outcome reason, String message) {
		record("orchestrator.routing.blocked", "blocked", "success", remediation,
				Map.of("block_reason", reason.name(), "message", message), null);
	}

	void manualReview(Remediation remediation, String reason) {
		record("orchestrator.remediation.manual_review", "manual_review", "success", remediation,
				Map.of("reason", (reason != null) ? reason : ""), null);
	}

	void workflowCreated(Remediation remediation, boolean approvalRequired, String approvalReasons) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("execution_id", String.valueOf(remediation.executionId()));
		data.put("approval_required", approvalRequired);
		if (approvalReasons != null) {
			data.put("approval_reasons", approvalReasons);
		}
		record("remediation.workflow_created", "workflow_created", "success", remediation, data, null);
		record("orchestrator.lifecycle.started", "started", "success", remediation, Map.of(), null);
		if (approvalRequired) {
			record("orchestrator.approval.requested", "approval_requested", "pending", remediation,
					Map.of("reasons", (approvalReasons != null) ? approvalReasons : ""), null);
		}
	}

	void transitioned(Remediation remediation, String from) {
		record("orchestrator.lifecycle.transitioned", "transitioned", "success", remediation,
				Map.of("from_phase", from, "to_phase", remediation.phase().name()), null);
	}

	void ended(Remediation remediation) {
		boolean failed = remediation.phase().name().equals("FAILED");
		String type = failed ? "orchestrator.lifecycle.failed" : "orchestrator.lifecycle.completed";
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("outcome", remediation.outcome());
		data.put("phase", remediation.phase().name());
		record(type, failed ? "failed" : "completed", failed ? "failure" : "success", remediation, data,
				Duration.between(remediation.createdAt(), remediation.completedAt()).toMillis());
	}

	private void record(String type, String action, String outcome, Remediation remediation, Map<String, Object> extra,
			Long durationMs) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("remediation_id", remediation.id().toString());
		data.put("target_resource", remediation.targetKey());
		data.put("signal_fingerprint", remediation.fingerprint());
		data.put("signal_name", remediation.signal().name());
		if (remediation.actionType() != null) {
			data.put("action_type", remediation.actionType());
		}
		if (remediation.workflowId() != null) {
			data.put("workflow_id", remediation.workflowId());
		}
		if (remediation.failureReason() != null) {
			data.put("failure_reason", remediation.failureReason());
		}
		data.putAll(extra);
		this.trail.record(new AuditEvent("1.0", type, this.clock.instant(), "orchestration", action, outcome,
				remediation.id().toString(), "service", "workflow-engine-service", remediation.target().kind(),
				remediation.targetKey(), remediation.target().name(),
				(remediation.target().namespace() != null && !remediation.target().namespace().isBlank())
						? remediation.target().namespace() : null,
				remediation.signal().severity(), durationMs, "failure".equals(outcome) ? remediation.outcome() : null,
				"failure".equals(outcome) ? remediation.failureReason() : null, data));
	}

}
