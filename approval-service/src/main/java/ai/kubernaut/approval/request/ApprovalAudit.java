package ai.kubernaut.approval.request;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import ai.kubernaut.contracts.approval.Decision;
import ai.kubernaut.contracts.audit.AuditEvent;
import ai.kubernaut.support.audit.AuditTrail;

import org.springframework.stereotype.Component;

/**
 * The audit events of approval requests, with Kubernaut's event types
 * ({@code orchestrator.approval.*}). Called inside the transaction that makes the change,
 * so the trail and the state never disagree.
 */
@Component
class ApprovalAudit {

	private static final String VERSION = "1.0";

	private static final String CATEGORY = "approval";

	private static final String RESOURCE_TYPE = "RemediationApprovalRequest";

	private final AuditTrail trail;

	ApprovalAudit(AuditTrail trail) {
		this.trail = trail;
	}

	void requested(Approval approval, String requestedBy) {
		Map<String, Object> data = facts(approval);
		data.put("steps", approval.steps());
		data.put("action_type", approval.actionType());
		data.put("workflow_id", approval.workflowId());
		data.put("workflow_version", approval.workflowVersion());
		data.put("risk", approval.risk());
		data.put("required_approvals", approval.requiredApprovals());
		data.put("approver_group", approval.approverGroup());
		data.put("reason", approval.reason());
		data.put("expires_at", approval.expiresAt().toString());
		record(approval, "orchestrator.approval.requested", "requested", "pending", "service", requestedBy,
				approval.createdAt(), data, null);
	}

	/**
	 * A final state: approved, rejected, expired or superseded.
	 */
	void finished(Approval approval) {
		String action = approval.state().name().toLowerCase(Locale.ROOT);
		Map<String, Object> data = facts(approval);
		data.put("decision", approval.state().name());
		data.put("decided_via", approval.decidedVia());
		data.put("approved_by", approval.approvedBy());
		data.put("comment", approval.comment());
		boolean bySystem = Approval.SYSTEM.equals(approval.decidedBy());
		record(approval, "orchestrator.approval." + action, action, "success", bySystem ? "system" : "user",
				approval.decidedBy(), approval.decidedAt(), data, null);
	}

	/**
	 * An approver tried to decide a request outside their scope.
	 */
	void denied(Approval approval, Decider decider, Decision decision, Instant at) {
		Map<String, Object> data = facts(approval);
		data.put("decision", decision.name());
		data.put("decided_via", decider.via());
		data.put("approver_group", approval.approverGroup());
		record(approval, "approval.decision.denied", "denied", "failure", "user", decider.name(), at, data,
				"approver-out-of-scope");
	}

	private static Map<String, Object> facts(Approval approval) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("approval_id", approval.id().toString());
		if (approval.executionId() != null) {
			data.put("execution_id", approval.executionId().toString());
		}
		data.put("plan_hash", approval.planHash());
		data.values().removeIf(Objects::isNull);
		return data;
	}

	private void record(Approval approval, String type, String action, String outcome, String actorType, String actorId,
			Instant at, Map<String, Object> data, String errorCode) {
		data.values().removeIf(Objects::isNull);
		this.trail.record(new AuditEvent(VERSION, type, at, CATEGORY, action, outcome,
				approval.remediationId().toString(), actorType, actorId, RESOURCE_TYPE, approval.id().toString(),
				approval.target().kind() + "/" + approval.target().name(), approval.target().namespace(), null, null,
				errorCode, null, data));
	}

}
