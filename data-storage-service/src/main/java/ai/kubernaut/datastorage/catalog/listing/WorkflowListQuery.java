package ai.kubernaut.datastorage.catalog.listing;

import java.util.List;

import ai.kubernaut.datastorage.catalog.CatalogWorkflow;
import ai.kubernaut.datastorage.catalog.CatalogWorkflowRowMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operator list: every row of the catalog, whatever its status, newest first; the
 * workflow id breaks ties so pages never overlap.
 */
class WorkflowListQuery {

	private final JdbcClient jdbc;

	private final CatalogWorkflowRowMapper workflows;

	WorkflowListQuery(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.workflows = new CatalogWorkflowRowMapper(json);
	}

	WorkflowListResponse list(WorkflowListFilter filter) {
		String where = " FROM remediation_workflow_catalog w WHERE " + filter.condition();
		long total = this.jdbc.sql("SELECT count(*)" + where).params(filter.params()).query(Long.class).single();
		List<CatalogWorkflow> page = (filter.offset() >= total) ? List.of() : this.jdbc
			.sql("SELECT w.*" + where + " ORDER BY w.created_at DESC, w.workflow_id ASC LIMIT :limit OFFSET :offset")
			.params(filter.params())
			.param("limit", filter.limit())
			.param("offset", filter.offset())
			.query(this.workflows)
			.list();
		return new WorkflowListResponse(page, filter.limit(), filter.offset(), total);
	}

}
