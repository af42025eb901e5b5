package ai.kubernaut.contracts.catalog;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The part of data-storage's workflow catalog the engine reads. Paths and query
 * parameters are Kubernaut's discovery protocol.
 * <p>
 * Each operation has a short form (mandatory labels only) and a full form (all of
 * Kubernaut's context filters). They are default methods calling each other, so an
 * implementation overrides at least one of each pair: the server and the HTTP client
 * implement the full form; a test fake may implement only the short one.
 */
@HttpExchange(url = "/api/v1/workflows", accept = "application/json")
public interface WorkflowCatalogApi {

	/**
	 * Discovery step 2 with the mandatory labels only.
	 * @see #discoverWorkflows
	 */
	default WorkflowDiscoveryResponse listWorkflowsByActionType(String actionType, String severity, String component,
			String environment, String priority, Integer offset, Integer limit) {
		return discoverWorkflows(actionType, severity, component, environment, priority, null, null, null, null, offset,
				limit, null);
	}

	/**
	 * Discovery step 2: active, latest workflows of {@code actionType} whose labels match
	 * the context, best first ({@code final_score DESC, workflow_id ASC}). An unknown
	 * action type yields an empty list, not an error.
	 * @param customLabels JSON {@code map<string, string[]>}; boosts only, never excludes
	 * @param detectedLabels JSON object of detected labels ({@code gitOpsManaged},
	 * {@code gitOpsTool}, ...); string labels exclude workflows declaring another value
	 * @param cluster excludes workflows that do not list this cluster (or {@code "*"})
	 * @param remediationId correlates the audit event of this query; no effect on the
	 * answer
	 * @param explain adds {@code score} and {@code contributions} to each entry
	 */
	@GetExchange("/actions/{actionType}")
	default WorkflowDiscoveryResponse discoverWorkflows(@PathVariable String actionType, @RequestParam String severity,
			@RequestParam String component, @RequestParam String environment, @RequestParam String priority,
			@RequestParam(name = "custom_labels", required = false) String customLabels,
			@RequestParam(name = "detected_labels", required = false) String detectedLabels,
			@RequestParam(required = false) String cluster,
			@RequestParam(name = "remediation_id", required = false) String remediationId,
			@RequestParam(required = false) Integer offset, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) Boolean explain) {
		return listWorkflowsByActionType(actionType, severity, component, environment, priority, offset, limit);
	}

	/**
	 * A workflow by id, whatever its status.
	 */
	default WorkflowDefinition getWorkflow(String workflowId) {
		return getWorkflow(workflowId, null, null, null, null, null, null, null, null);
	}

	/**
	 * Discovery step 3. Without context filters, a plain lookup by id. With any of
	 * {@code severity}, {@code component}, {@code environment}, {@code priority}, the
	 * security gate: the workflow must be Active and match the whole context (as in step
	 * 2), otherwise the answer is the same 404 as for an unknown id.
	 */
	@GetExchange("/{workflowId}")
	default WorkflowDefinition getWorkflow(@PathVariable String workflowId,
			@RequestParam(required = false) String severity, @RequestParam(required = false) String component,
			@RequestParam(required = false) String environment, @RequestParam(required = false) String priority,
			@RequestParam(name = "custom_labels", required = false) String customLabels,
			@RequestParam(name = "detected_labels", required = false) String detectedLabels,
			@RequestParam(required = false) String cluster,
			@RequestParam(name = "remediation_id", required = false) String remediationId) {
		return getWorkflow(workflowId);
	}

}
