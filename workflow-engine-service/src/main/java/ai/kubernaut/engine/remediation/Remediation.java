package ai.kubernaut.engine.remediation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.contracts.remediation.CreateRemediationRequest;
import ai.kubernaut.contracts.remediation.RemediationPhase;
import ai.kubernaut.contracts.remediation.RemediationRoute;
import ai.kubernaut.contracts.remediation.RemediationView;
import ai.kubernaut.contracts.remediation.StepView;
import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.contracts.signal.Signal;

/**
 * A remediation as the engine stores it. Immutable: each transition returns a copy,
 * checked against {@link RemediationLifecycle}; {@code version} is the one read from the
 * database, for optimistic locking.
 *
 * @param route the gateway's routing decision, or {@code null} to use the engine's
 * fallback table
 * @param outcome Kubernaut's outcome once terminal (see {@link Outcome})
 */
record Remediation(UUID id, String fingerprint, RemediationPhase phase, Signal signal, ResourceRef target,
		RemediationRoute route, Map<String, List<String>> customLabels, Map<String, Object> detectedLabels,
		String actionType, String workflowId, String workflowName, UUID executionId, Boolean approvalRequired,
		String outcome, String failureReason, Instant createdAt, Instant updatedAt, Instant completedAt, long version) {

	static Remediation received(UUID id, CreateRemediationRequest request, Instant now) {
		return new Remediation(id, request.fingerprint(), RemediationPhase.PENDING, request.signal(), request.target(),
				request.route(), request.customLabels(), request.detectedLabels(), null, null, null, null, null, null,
				null, now, now, null, 0);
	}

	/**
	 * {@code ns/Kind/name}, or {@code Kind/name} for cluster-scoped targets: the key of
	 * the per-target safety rules and Kubernaut's {@code targetResource}.
	 */
	String targetKey() {
		return targetKey(this.target);
	}

	static String targetKey(ResourceRef target) {
		boolean namespaced = target.namespace() != null && !target.namespace().isBlank();
		return (namespaced ? target.namespace() + "/" : "") + target.kind() + "/" + target.name();
	}

	Remediation routedTo(String actionType) {
		return new Remediation(this.id, this.fingerprint, this.phase, this.signal, this.target, this.route,
				this.customLabels, this.detectedLabels, actionType, this.workflowId, this.workflowName,
				this.executionId, this.approvalRequired, this.outcome, this.failureReason, this.createdAt,
				this.updatedAt, this.completedAt, this.version);
	}

	Remediation executing(String workflowId, String workflowName, UUID executionId, boolean approvalRequired,
			Instant now) {
		RemediationLifecycle.check(this.phase, RemediationPhase.EXECUTING);
		return new Remediation(this.id, this.fingerprint, RemediationPhase.EXECUTING, this.signal, this.target,
				this.route, this.customLabels, this.detectedLabels, this.actionType, workflowId, workflowName,
				executionId, approvalRequired, null, null, this.createdAt, now, null, this.version);
	}

	/**
	 * Moves between {@code EXECUTING} and {@code AWAITING_APPROVAL}, following the
	 * execution.
	 */
	Remediation following(RemediationPhase phase, Instant now) {
		RemediationLifecycle.check(this.phase, phase);
		return new Remediation(this.id, this.fingerprint, phase, this.signal, this.target, this.route,
				this.customLabels, this.detectedLabels, this.actionType, this.workflowId, this.workflowName,
				this.executionId, this.approvalRequired, null, null, this.createdAt, now, null, this.version);
	}

	Remediation ended(RemediationPhase phase, Outcome outcome, String reason, Instant now) {
		RemediationLifecycle.check(this.phase, phase);
		return new Remediation(this.id, this.fingerprint, phase, this.signal, this.target, this.route,
				this.customLabels, this.detectedLabels, this.actionType, this.workflowId, this.workflowName,
				this.executionId, this.approvalRequired, outcome.name(), reason, this.createdAt, now, now,
				this.version);
	}

	Remediation withVersion(long version) {
		return new Remediation(this.id, this.fingerprint, this.phase, this.signal, this.target, this.route,
				this.customLabels, this.detectedLabels, this.actionType, this.workflowId, this.workflowName,
				this.executionId, this.approvalRequired, this.outcome, this.failureReason, this.createdAt,
				this.updatedAt, this.completedAt, version);
	}

	RemediationView toView(List<StepView> steps) {
		return new RemediationView(this.id, this.fingerprint, this.phase, this.signal, this.target, this.actionType,
				this.workflowId, this.workflowName, steps, this.failureReason, this.createdAt, this.updatedAt,
				this.completedAt, this.outcome, this.executionId, this.approvalRequired);
	}

}
