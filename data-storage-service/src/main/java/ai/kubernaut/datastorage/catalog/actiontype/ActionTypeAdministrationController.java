package ai.kubernaut.datastorage.catalog.actiontype;

import java.security.Principal;
import java.util.Map;

import ai.kubernaut.contracts.catalog.WorkflowDescription;
import ai.kubernaut.datastorage.catalog.actiontype.ActionTypeAdministration.ActionTypeDisabled;
import ai.kubernaut.datastorage.catalog.actiontype.ActionTypeAdministration.DescriptionUpdated;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Kubernaut's action type administration. The identity recorded is the authenticated
 * caller; {@code disabledBy} and {@code updatedBy} are accepted for compatibility and not
 * trusted.
 */
@RestController
@RequestMapping(path = "/api/v1/action-types/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
class ActionTypeAdministrationController {

	private final ActionTypeAdministration administration;

	ActionTypeAdministrationController(ActionTypeAdministration administration) {
		this.administration = administration;
	}

	@Operation(summary = "Disable an action type; 409 while Active workflows use it")
	@PatchMapping("/disable")
	ActionTypeDisabled disable(@PathVariable String name,
			@RequestBody(required = false) DisableRequest ignoredForCompatibility, Principal caller) {
		return this.administration.disable(name, caller.getName());
	}

	@Operation(summary = "Number of Active workflows using the action type")
	@GetMapping("/workflow-count")
	Map<String, Long> workflowCount(@PathVariable String name) {
		return Map.of("count", this.administration.activeWorkflowCount(name));
	}

	@Operation(summary = "Replace the description of an enabled action type")
	@PatchMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	DescriptionUpdated updateDescription(@PathVariable String name, @RequestBody DescriptionRequest request,
			Principal caller) {
		return this.administration.updateDescription(name, request.description(), caller.getName());
	}

	/**
	 * @param disabledBy informational; the authenticated caller is recorded
	 */
	record DisableRequest(String disabledBy) {
	}

	/**
	 * @param updatedBy informational; the authenticated caller is recorded
	 */
	record DescriptionRequest(WorkflowDescription description, String updatedBy) {
	}

}
