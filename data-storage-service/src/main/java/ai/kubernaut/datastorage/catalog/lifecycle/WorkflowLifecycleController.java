package ai.kubernaut.datastorage.catalog.lifecycle;

import java.security.Principal;
import java.util.UUID;

import ai.kubernaut.datastorage.catalog.CatalogWorkflow;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's lifecycle endpoints: {@code PATCH /api/v1/workflows/{id}/disable},
 * {@code /enable} and {@code /deprecate}, each answering the full workflow as it is
 * afterwards.
 */
@RestController
class WorkflowLifecycleController {

	private final WorkflowLifecycle lifecycle;

	WorkflowLifecycleController(WorkflowLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Operation(summary = "Disable, enable or deprecate a workflow; body {reason (required), updatedBy?}")
	@PatchMapping(path = "/api/v1/workflows/{workflowId}/{action:disable|enable|deprecate}",
			produces = MediaType.APPLICATION_JSON_VALUE)
	CatalogWorkflow move(@PathVariable String workflowId, @PathVariable String action,
			@RequestBody(required = false) LifecycleRequest request, Principal caller) {
		String reason = ((request != null) ? request : new LifecycleRequest(null, null)).requiredReason();
		LifecycleAction move = LifecycleAction.ofSegment(action).orElseThrow();
		return this.lifecycle.apply(parse(workflowId), move, reason, caller.getName());
	}

	private static UUID parse(String workflowId) {
		try {
			return UUID.fromString(workflowId);
		}
		catch (IllegalArgumentException malformed) {
			throw new WorkflowNotFoundException(workflowId);
		}
	}

}
