package ai.kubernaut.datastorage.catalog.discovery;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Discovery step 1 of Kubernaut's protocol ({@code listAvailableActions}).
 */
@RestController
class ActionTypeDiscoveryController {

	private final WorkflowDiscoveryQuery query;

	ActionTypeDiscoveryController(WorkflowDiscoveryQuery query) {
		this.query = query;
	}

	/**
	 * The action types with at least one discoverable workflow matching the context. Same
	 * parameters as step 2; an empty value leaves its dimension unconstrained.
	 */
	@GetMapping(path = "/api/v1/workflows/actions", produces = MediaType.APPLICATION_JSON_VALUE)
	ActionTypeListResponse listAvailableActions(@RequestParam String severity, @RequestParam String component,
			@RequestParam String environment, @RequestParam String priority,
			@RequestParam(required = false) Integer offset, @RequestParam(required = false) Integer limit) {
		return this.query.actionTypesFor(DiscoveryContext.of(severity, component, environment, priority),
				PageRequest.of(offset, limit));
	}

}
