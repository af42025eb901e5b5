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

	private final DiscoveryContexts contexts;

	private final DiscoveryAudit audit;

	ActionTypeDiscoveryController(WorkflowDiscoveryQuery query, DiscoveryContexts contexts, DiscoveryAudit audit) {
		this.query = query;
		this.contexts = contexts;
		this.audit = audit;
	}

	/**
	 * The action types with at least one discoverable workflow matching the context. Same
	 * parameters as step 2; an empty value leaves its dimension unconstrained.
	 */
	@GetMapping(path = "/api/v1/workflows/actions", produces = MediaType.APPLICATION_JSON_VALUE)
	ActionTypeListResponse listAvailableActions(@RequestParam String severity, @RequestParam String component,
			@RequestParam String environment, @RequestParam String priority,
			@RequestParam(name = "custom_labels", required = false) String customLabels,
			@RequestParam(name = "detected_labels", required = false) String detectedLabels,
			@RequestParam(required = false) String cluster,
			@RequestParam(name = "remediation_id", required = false) String remediationId,
			@RequestParam(required = false) Integer offset, @RequestParam(required = false) Integer limit) {
		DiscoveryContext context = this.contexts.of(severity, component, environment, priority, customLabels,
				detectedLabels, cluster);
		ActionTypeListResponse response = this.query.actionTypesFor(context, PageRequest.of(offset, limit));
		this.audit.actionsListed(remediationId, context, response);
		return response;
	}

}
