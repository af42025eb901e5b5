package ai.kubernaut.engine.execution;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.contracts.approval.ApprovalApi;
import ai.kubernaut.contracts.approval.ApprovalView;
import ai.kubernaut.contracts.approval.CreateApprovalRequest;
import ai.kubernaut.contracts.approval.SupersedeRequest;
import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.dag.workflow.WorkflowStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks approval-service to approve a gated step, with the step graph and the parameters
 * the step will act on; the decision comes back to this engine's approval callback.
 */
class ApprovalRequests {

	private static final Logger logger = LoggerFactory.getLogger(ApprovalRequests.class);

	private final ApprovalApi approvals;

	private final URI callbackBase;

	private final ExecutionMetrics metrics;

	private final ExecutionRepository repository;

	ApprovalRequests(ApprovalApi approvals, URI callbackBase, ExecutionMetrics metrics,
			ExecutionRepository repository) {
		this.repository = repository;
		this.approvals = approvals;
		this.callbackBase = callbackBase;
		this.metrics = metrics;
	}

	/**
	 * Sends the request; a failure is logged and counted, and the step keeps waiting
	 * until a decision arrives or the workflow times out.
	 */
	void request(ExecutionRow execution, WorkflowStep step, Map<String, Object> parameters, String graph) {
		Map<String, Object> target = execution.target();
		String namespace = String.valueOf(target.getOrDefault("namespace", ""));
		ExecutionOrigin origin = this.repository.origin(execution.id());
		CreateApprovalRequest request = new CreateApprovalRequest(
				(origin.remediationId() != null) ? origin.remediationId() : execution.id(), execution.id(),
				List.of(step.id()),
				new ResourceRef(String.valueOf(target.get("kind")), namespace.isEmpty() ? null : namespace,
						String.valueOf(target.get("name"))),
				null, (origin.actionType() != null) ? origin.actionType() : step.action(),
				(origin.workflowId() != null) ? origin.workflowId() : execution.name(), null, parameters, graph, null,
				step.risk(), null, null,
				"Step '" + step.name() + "' of workflow " + execution.name() + " requires approval", null,
				this.callbackBase.resolve("/api/v1/workflow-executions/" + execution.id() + "/approval"));
		try {
			ApprovalView created = this.approvals.create(request);
			if (created != null && created.approvalId() != null) {
				this.repository.approvalRequested(execution.id(), step.id(), created.approvalId());
			}
		}
		catch (RuntimeException ex) {
			this.metrics.error("approval", "RequestFailed");
			logger.warn("Requesting approval of step {} of execution {} failed; it waits for a decision or the "
					+ "workflow timeout", step.id(), execution.id(), ex);
		}
	}

	/**
	 * Withdraws pending approval requests of a run that no longer needs them (cancelled).
	 * Best effort: a request already decided answers 409, and one that cannot be reached
	 * now expires on its own; either way its decision no longer moves the run.
	 */
	void withdraw(List<UUID> approvalIds, String reason) {
		for (UUID approvalId : approvalIds) {
			try {
				this.approvals.supersede(approvalId, new SupersedeRequest(reason));
			}
			catch (RuntimeException ex) {
				logger.info("Approval request {} was not withdrawn ({}); its decision will be ignored", approvalId,
						ex.getMessage());
			}
		}
	}

}
