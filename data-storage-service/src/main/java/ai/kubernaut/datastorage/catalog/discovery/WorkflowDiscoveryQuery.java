package ai.kubernaut.datastorage.catalog.discovery;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ai.kubernaut.contracts.catalog.Pagination;
import ai.kubernaut.contracts.catalog.ScoreContribution;
import ai.kubernaut.contracts.catalog.WorkflowDiscoveryEntry;
import ai.kubernaut.contracts.catalog.WorkflowDiscoveryResponse;
import ai.kubernaut.datastorage.catalog.CatalogWorkflow;
import ai.kubernaut.datastorage.catalog.CatalogWorkflowRowMapper;
import ai.kubernaut.datastorage.catalog.discovery.ActionTypeListResponse.ActionTypeEntry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All SQL of discovery. Each step is ONE statement that filters, scores, orders,
 * paginates and counts in PostgreSQL, so page N of a large catalog is right and the total
 * agrees with it.
 * <p>
 * Discoverable means: workflow {@code Active} and latest version, its action type
 * {@code Active}, and the row passing the {@link ContextFilter}. Step 2 orders by
 * {@link ScoringSql Kubernaut's score} descending, then {@code workflow_id} ascending.
 */
@Repository
class WorkflowDiscoveryQuery {

	private static final TypeReference<List<ScoreContribution>> CONTRIBUTIONS = new TypeReference<>() {
	};

	private static final String DISCOVERABLE = """
			w.status = 'Active' AND w.is_latest_version AND t.status = 'Active'""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final CatalogWorkflowRowMapper workflows;

	WorkflowDiscoveryQuery(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
		this.workflows = new CatalogWorkflowRowMapper(json);
	}

	/**
	 * The statement of step 2 for a context, for tests and the benchmark to inspect
	 * ({@code EXPLAIN}); {@link #workflowsFor} runs exactly this.
	 */
	static String workflowsForSql(DiscoveryContext context, boolean explain) {
		ScoringSql scoring = ScoringSql.of(context);
		ContextFilter filter = ContextFilter.of(context);
		// Filter and score every candidate, then read the full row only for the page:
		// the materialised set stays small however many workflows match. The key
		// overlap lets the GIN index hand over only the rows matching every mandatory
		// label, instead of every discoverable row of the action type. The action type's
		// own status is checked once, not joined per row.
		return """
				WITH scored AS MATERIALIZED (
				  SELECT w.workflow_id, %s AS final_score
				  FROM remediation_workflow_catalog w
				  WHERE w.action_type = :actionType AND w.status = 'Active' AND w.is_latest_version
				    AND EXISTS (SELECT 1 FROM action_type_taxonomy t
				                WHERE t.action_type = :actionType AND t.status = 'Active')
				    AND %s
				    AND %s
				)
				SELECT total.total_count, page.*
				FROM (SELECT count(*) AS total_count FROM scored) total
				LEFT JOIN LATERAL (
				  SELECT w.workflow_id, w.workflow_name, w.name, w.description, w.version,
				         w.execution_bundle, w.execution_engine, w.service_account_name, s.final_score,
				         %s AS contributions
				  FROM (SELECT * FROM scored ORDER BY final_score DESC, workflow_id ASC OFFSET :offset LIMIT :limit) s
				  JOIN remediation_workflow_catalog w ON w.workflow_id = s.workflow_id
				) page ON TRUE
				ORDER BY page.final_score DESC, page.workflow_id ASC""".formatted(scoring.finalScore(),
				filter.indexedCondition(), filter.condition(),
				explain ? scoring.contributions() : "cast(NULL as jsonb)");
	}

	/**
	 * The parameters {@link #workflowsForSql} needs.
	 */
	static Map<String, Object> workflowsForParams(String actionType, DiscoveryContext context, PageRequest page) {
		Map<String, Object> params = new HashMap<>();
		params.putAll(ScoringSql.of(context).params());
		params.putAll(ContextFilter.of(context).params());
		params.put("actionType", actionType);
		params.put("offset", page.offset());
		params.put("limit", page.limit());
		return params;
	}

	/**
	 * Step 2: the discoverable workflows of one action type that match the context, best
	 * first; with {@code explain}, each entry carries its score and contributions.
	 */
	WorkflowDiscoveryResponse workflowsFor(String actionType, DiscoveryContext context, PageRequest page,
			boolean explain) {
		long[] total = { 0 };
		List<WorkflowDiscoveryEntry> entries = new ArrayList<>();
		this.jdbc.sql(workflowsForSql(context, explain))
			.params(workflowsForParams(actionType, context, page))
			.query((ResultSet rs) -> {
				total[0] = rs.getLong("total_count");
				if (rs.getObject("workflow_id") != null) {
					entries.add(entry(rs, explain));
				}
			});
		return new WorkflowDiscoveryResponse(actionType, entries, Pagination.of(total[0], page.offset(), page.limit()));
	}

	/**
	 * Step 1: the action types with at least one workflow matching the context, by name.
	 */
	ActionTypeListResponse actionTypesFor(DiscoveryContext context, PageRequest page) {
		ContextFilter filter = ContextFilter.of(context);
		long[] total = { 0 };
		List<ActionTypeEntry> entries = new ArrayList<>();
		this.jdbc.sql("""
				WITH matched AS (
				  SELECT t.action_type, t.description, count(*) AS workflow_count
				  FROM action_type_taxonomy t
				  JOIN remediation_workflow_catalog w ON w.action_type = t.action_type
				  WHERE %s
				    AND %s
				  GROUP BY t.action_type, t.description
				)
				SELECT total.total_count, page.*
				FROM (SELECT count(*) AS total_count FROM matched) total
				LEFT JOIN LATERAL (
				  SELECT * FROM matched ORDER BY action_type COLLATE "C" OFFSET :offset LIMIT :limit
				) page ON TRUE
				ORDER BY page.action_type COLLATE "C\"""".formatted(DISCOVERABLE, filter.condition()))
			.params(filter.params())
			.param("offset", page.offset())
			.param("limit", page.limit())
			.query((ResultSet rs) -> {
				total[0] = rs.getLong("total_count");
				if (rs.getString("action_type") != null) {
					entries.add(new ActionTypeEntry(rs.getString("action_type"),
							this.workflows.description(rs.getString("description")), rs.getLong("workflow_count")));
				}
			});
		return new ActionTypeListResponse(entries, Pagination.of(total[0], page.offset(), page.limit()));
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

	/**
	 * Step 3's security gate: the workflow only if it is Active and passes the context
	 * filter. Kubernaut's gate does not check the status; a Disabled workflow must not
	 * pass a selection check, so this one does.
	 */
	Optional<CatalogWorkflow> findSelectable(UUID workflowId, DiscoveryContext context) {
		ContextFilter filter = ContextFilter.of(context);
		return this.jdbc.sql("""
				SELECT w.* FROM remediation_workflow_catalog w
				WHERE w.workflow_id = :id AND w.status = 'Active'
				  AND %s""".formatted(filter.condition()))
			.params(filter.params())
			.param("id", workflowId)
			.query(this.workflows)
			.optional();
	}

	private WorkflowDiscoveryEntry entry(ResultSet rs, boolean explain) throws SQLException {
		BigDecimal score = null;
		List<ScoreContribution> contributions = null;
		if (explain) {
			score = rs.getBigDecimal("final_score").stripTrailingZeros();
			contributions = this.json.readValue(rs.getString("contributions"), CONTRIBUTIONS)
				.stream()
				.map((c) -> new ScoreContribution(c.label(), c.weight().stripTrailingZeros(), c.reason()))
				.toList();
		}
		return new WorkflowDiscoveryEntry(rs.getObject("workflow_id", UUID.class).toString(),
				rs.getString("workflow_name"), rs.getString("name"),
				this.workflows.description(rs.getString("description")), rs.getString("version"),
				rs.getString("execution_bundle"), rs.getString("execution_engine"),
				rs.getString("service_account_name"), score, contributions);
	}

}
