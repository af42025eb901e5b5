package ai.kubernaut.engine.remediation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ai.kubernaut.contracts.catalog.WorkflowDefinition;
import ai.kubernaut.contracts.remediation.CreateRemediationRequest;
import ai.kubernaut.contracts.remediation.RemediationPhase;
import ai.kubernaut.contracts.remediation.RemediationView;
import ai.kubernaut.contracts.remediation.StepView;
import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.contracts.signal.Signal;

/**
 * A remediation as the engine stores it. Immutable: each transition returns a copy,
 * checked against {@link RemediationLifecycle}; {@code version} is the one read from the
 * database, for optimistic locking.
 */
record Remediation(UUID id, String fingerprint, RemediationPhase phase, Signal signal, ResourceRef target,
		String actionType, String workflowId, String workflowName, String failureReason, Instant createdAt,
		Instant updatedAt, Instant completedAt, long version) {

	static Remediation received(UUID id, CreateRemediationRequest request, Instant now) {
		return new Remediation(id, request.fingerprint(), RemediationPhase.PENDING, request.signal(), request.target(),
				null, null, null, null, now, now, null, 0);
	}

	Remediation routedTo(String actionType) {
		return new Remediation(this.id, this.fingerprint, this.phase, this.signal, this.target, actionType,
				this.workflowId, this.workflowName, this.failureReason, this.createdAt, this.updatedAt,
				this.completedAt, this.version);
	}

	Remediation executing(WorkflowDefinition workflow, Instant now) {
		RemediationLifecycle.check(this.phase, RemediationPhase.EXECUTING);
		return new Remediation(this.id, this.fingerprint, RemediationPhase.EXECUTING, this.signal, this.target,
				this.actionType, workflow.workflowId(), workflow.workflowName(), null, this.createdAt, now, null,
				this.version);
	}

	Remediation completed(Instant now) {
		RemediationLifecycle.check(this.phase, RemediationPhase.COMPLETED);
		return new Remediation(this.id, this.fingerprint, RemediationPhase.COMPLETED, this.signal, this.target,
				this.actionType, this.workflowId, this.workflowName, null, this.createdAt, now, now, this.version);
	}

	Remediation failed(String reason, Instant now) {
		RemediationLifecycle.check(this.phase, RemediationPhase.FAILED);
		return new Remediation(this.id, this.fingerprint, RemediationPhase.FAILED, this.signal, this.target,
				this.actionType, this.workflowId, this.workflowName, reason, this.createdAt, now, now, this.version);
	}

	Remediation withVersion(long version) {
		return new Remediation(this.id, this.fingerprint, this.phase, this.signal, this.target, this.actionType,
				this.workflowId, this.workflowName, this.failureReason, this.createdAt, this.updatedAt,
				this.completedAt, version);
	}

	RemediationView toView(List<StepView> steps) {
		return new RemediationView(this.id, this.fingerprint, this.phase, this.signal, this.target, this.actionType,
				this.workflowId, this.workflowName, steps, this.failureReason, this.createdAt, this.updatedAt,
				this.completedAt, null, null, null);
	}

}
