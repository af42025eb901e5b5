package ai.kubernaut.datastorage.catalog.discovery;

import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ai.kubernaut.contracts.catalog.Pagination;
import ai.kubernaut.contracts.catalog.WorkflowDiscoveryEntry;
import ai.kubernaut.contracts.catalog.WorkflowDiscoveryResponse;
import ai.kubernaut.datastorage.catalog.CatalogWorkflow;
import ai.kubernaut.datastorage.catalog.CatalogWorkflowRowMapper;
import ai.kubernaut.datastorage.catalog.discovery.ActionTypeListResponse.ActionTypeEntry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/**
 * All SQL of discovery. Filtering, ordering and pagination happen in one query each, in
 * PostgreSQL, so a page is correct however large the catalog is.
 * <p>
 * Discoverable means: workflow {@code Active} and latest version, its action type
 * {@code Active}, and every mandatory label matching the incident (Kubernaut's context
 * filter):
 * <ul>
 * <li>severity, component, environment and priority each match when some workflow value
 * equals the query value case-insensitively, or the workflow value is {@code "*"}; the
 * wildcard works on the workflow side only;</li>
 * <li>a workflow label may be a list or a single string (legacy scalar component, list
 * priority);</li>
 * <li>an absent query value leaves its dimension unconstrained.</li>
 * </ul>
 */
@Repository
class WorkflowDiscoveryQuery {

	private static final List<String> MANDATORY_LABELS = List.of("severity", "component", "environment", "priority");

	private static final String DISCOVERABLE = """
			w.status = 'Active' AND w.is_latest_version AND t.status = 'Active'""";

	private static final String CONTEXT_FILTER = String.join("\n  AND ",
			MANDATORY_LABELS.stream().map(WorkflowDiscoveryQuery::labelMatches).toList());

	/**
	 * Where the ranking goes. Kubernaut's score is
	 * {@code LEAST((5.0 + detected + custom - penalty) / 10.0, 1.0)}; with no label
	 * boosts yet every workflow scores the base 0.5 and the tie-break,
	 * {@code workflow_id}, decides the order. The boosts replace this expression; the
	 * query around it stays as it is.
	 */
	private static final String FINAL_SCORE = "cast(0.5 as numeric)";

	private static final String WORKFLOWS_FOR_ACTION_TYPE = """
			SELECT w.workflow_id, w.workflow_name, w.name, w.description, w.version,
			       w.execution_bundle, w.execution_engine, w.service_account_name,
			       %s AS final_score
			FROM remediation_workflow_catalog w
			JOIN action_type_taxonomy t ON t.action_type = w.action_type
			WHERE w.action_type = :actionType AND %s
			  AND %s
			ORDER BY final_score DESC, w.workflow_id ASC
			OFFSET :offset LIMIT :limit""".formatted(FINAL_SCORE, DISCOVERABLE, CONTEXT_FILTER);

	private static final String COUNT_WORKFLOWS_FOR_ACTION_TYPE = """
			SELECT count(*)
			FROM remediation_workflow_catalog w
			JOIN action_type_taxonomy t ON t.action_type = w.action_type
			WHERE w.action_type = :actionType AND %s
			  AND %s""".formatted(DISCOVERABLE, CONTEXT_FILTER);

	private static final String ACTION_TYPES = """
			SELECT t.action_type, t.description, count(*) AS workflow_count
			FROM action_type_taxonomy t
			JOIN remediation_workflow_catalog w ON w.action_type = t.action_type
			WHERE %s
			  AND %s
			GROUP BY t.action_type
			ORDER BY t.action_type COLLATE "C"
			OFFSET :offset LIMIT :limit""".formatted(DISCOVERABLE, CONTEXT_FILTER);

	private static final String COUNT_ACTION_TYPES = """
			SELECT count(DISTINCT t.action_type)
			FROM action_type_taxonomy t
			JOIN remediation_workflow_catalog w ON w.action_type = t.action_type
			WHERE %s
			  AND %s""".formatted(DISCOVERABLE, CONTEXT_FILTER);

	private final JdbcClient jdbc;

	private final CatalogWorkflowRowMapper workflows;

	WorkflowDiscoveryQuery(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.workflows = new CatalogWorkflowRowMapper(json);
	}

	/**
	 * Step 2: the discoverable workflows of one action type that match the context, best
	 * first.
	 */
	WorkflowDiscoveryResponse workflowsFor(String actionType, DiscoveryContext context, PageRequest page) {
		long total = withContext(this.jdbc.sql(COUNT_WORKFLOWS_FOR_ACTION_TYPE), context)
			.param("actionType", actionType)
			.query(Long.class)
			.single();
		List<WorkflowDiscoveryEntry> entries = withContext(this.jdbc.sql(WORKFLOWS_FOR_ACTION_TYPE), context)
			.param("actionType", actionType)
			.param("offset", page.offset())
			.param("limit", page.limit())
			.query((rs, rowNum) -> new WorkflowDiscoveryEntry(rs.getObject("workflow_id", UUID.class).toString(),
					rs.getString("workflow_name"), rs.getString("name"),
					this.workflows.description(rs.getString("description")), rs.getString("version"),
					rs.getString("execution_bundle"), rs.getString("execution_engine"),
					rs.getString("service_account_name")))
			.list();
		return new WorkflowDiscoveryResponse(actionType, entries, Pagination.of(total, page.offset(), page.limit()));
	}

	/**
	 * Step 1: the action types with at least one workflow matching the context, by name.
	 */
	ActionTypeListResponse actionTypesFor(DiscoveryContext context, PageRequest page) {
		long total = withContext(this.jdbc.sql(COUNT_ACTION_TYPES), context).query(Long.class).single();
		List<ActionTypeEntry> entries = withContext(this.jdbc.sql(ACTION_TYPES), context).param("offset", page.offset())
			.param("limit", page.limit())
			.query((rs, rowNum) -> new ActionTypeEntry(rs.getString("action_type"),
					this.workflows.description(rs.getString("description")), rs.getLong("workflow_count")))
			.list();
		return new ActionTypeListResponse(entries, Pagination.of(total, page.offset(), page.limit()));
	}

	/**
	 * Any workflow by id, whatever its status: an engine may still be running a
	 * superseded version.
	 */
	Optional<CatalogWorkflow> findById(UUID workflowId) {
		return this.jdbc.sql("SELECT * FROM remediation_workflow_catalog WHERE workflow_id = :id")
			.param("id", workflowId)
			.query(this.workflows)
			.optional();
	}

	private static StatementSpec withContext(StatementSpec statement, DiscoveryContext context) {
		// Typed, so PostgreSQL knows the type of a null parameter without a describe
		// round trip.
		return statement.param("severity", context.severity(), Types.VARCHAR)
			.param("component", context.component(), Types.VARCHAR)
			.param("environment", context.environment(), Types.VARCHAR)
			.param("priority", context.priority(), Types.VARCHAR);
	}

	/**
	 * The filter of one mandatory label; {@code label} is one of
	 * {@link #MANDATORY_LABELS}, never request input.
	 */
	private static String labelMatches(String label) {
		return """
				(cast(:%1$s as text) IS NULL OR EXISTS (
				    SELECT 1
				    FROM jsonb_array_elements_text(CASE jsonb_typeof(w.labels -> '%1$s')
				             WHEN 'array' THEN w.labels -> '%1$s'
				             WHEN 'string' THEN jsonb_build_array(w.labels -> '%1$s')
				             ELSE cast('[]' as jsonb) END) AS %1$s_value(value)
				    WHERE %1$s_value.value = '*' OR lower(%1$s_value.value) = lower(cast(:%1$s as text))))"""
			.formatted(label);
	}

}
