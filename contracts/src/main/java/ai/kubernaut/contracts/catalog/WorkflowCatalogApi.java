package ai.kubernaut.contracts.catalog;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The part of data-storage's workflow catalog the engine reads. Paths and query
 * parameters are Kubernaut's discovery protocol.
 */
@HttpExchange(url = "/api/v1/workflows", accept = "application/json")
public interface WorkflowCatalogApi {

	/**
	 * Discovery step 2: active, latest workflows of {@code actionType} whose mandatory
	 * labels match the context, best first. An unknown action type yields an empty list,
	 * not an error.
	 */
	@GetExchange("/actions/{actionType}")
	WorkflowDiscoveryResponse listWorkflowsByActionType(@PathVariable String actionType, @RequestParam String severity,
			@RequestParam String component, @RequestParam String environment, @RequestParam String priority,
			@RequestParam(required = false) Integer offset, @RequestParam(required = false) Integer limit);

	@GetExchange("/{workflowId}")
	WorkflowDefinition getWorkflow(@PathVariable String workflowId);

}
