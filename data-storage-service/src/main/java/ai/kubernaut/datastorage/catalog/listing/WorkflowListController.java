package ai.kubernaut.datastorage.catalog.listing;

import io.swagger.v3.oas.annotations.Operation;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Kubernaut's operator list of the catalog ({@code GET /api/v1/workflows}): all statuses,
 * full workflow objects, for people rather than for discovery.
 */
@RestController
class WorkflowListController {

	private final WorkflowListQuery query;

	WorkflowListController(JdbcClient jdbc, JsonMapper json) {
		this.query = new WorkflowListQuery(jdbc, json);
	}

	@Operation(summary = "List catalog workflows, newest first, with exact filters")
	@GetMapping(path = "/api/v1/workflows", produces = MediaType.APPLICATION_JSON_VALUE)
	WorkflowListResponse list(@RequestParam(required = false) String status,
			@RequestParam(required = false) String environment, @RequestParam(required = false) String priority,
			@RequestParam(required = false) String component,
			@RequestParam(name = "workflow_name", required = false) String workflowName,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
		return this.query
			.list(WorkflowListFilter.of(status, environment, priority, component, workflowName, limit, offset));
	}

}
