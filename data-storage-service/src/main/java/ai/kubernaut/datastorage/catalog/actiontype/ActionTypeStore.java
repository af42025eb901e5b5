package ai.kubernaut.datastorage.catalog.actiontype;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import ai.kubernaut.contracts.catalog.WorkflowDescription;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of action type administration; every method runs inside the caller's
 * transaction.
 */
class ActionTypeStore {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ActionTypeStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * The action type, locked until the transaction ends.
	 */
	Optional<ActionTypeRow> lock(String actionType) {
		return this.jdbc.sql("""
				SELECT action_type, description, status FROM action_type_taxonomy
				WHERE action_type = :actionType FOR UPDATE""")
			.param("actionType", actionType)
			.query((rs, rowNum) -> new ActionTypeRow(rs.getString("action_type"),
					this.json.readValue(rs.getString("description"), WorkflowDescription.class),
					rs.getString("status")))
			.optional();
	}

	boolean exists(String actionType) {
		return this.jdbc.sql("SELECT count(*) FROM action_type_taxonomy WHERE action_type = :actionType")
			.param("actionType", actionType)
			.query(Long.class)
			.single() > 0;
	}

	long activeWorkflowCount(String actionType) {
		return this.jdbc.sql(
				"SELECT count(*) FROM remediation_workflow_catalog WHERE action_type = :actionType AND status = 'Active'")
			.param("actionType", actionType)
			.query(Long.class)
			.single();
	}

	/**
	 * Names of the Active workflows using the action type, in name order.
	 */
	List<String> activeWorkflowNames(String actionType) {
		return this.jdbc.sql("""
				SELECT DISTINCT workflow_name FROM remediation_workflow_catalog
				WHERE action_type = :actionType AND status = 'Active' ORDER BY workflow_name""")
			.param("actionType", actionType)
			.query(String.class)
			.list();
	}

	void disable(String actionType, String by, Instant now) {
		this.jdbc.sql("""
				UPDATE action_type_taxonomy
				SET status = 'Disabled', disabled_at = :now, disabled_by = :by, updated_at = :now
				WHERE action_type = :actionType""")
			.param("actionType", actionType)
			.param("by", by)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
	}

	void updateDescription(String actionType, WorkflowDescription description, Instant now) {
		this.jdbc.sql("""
				UPDATE action_type_taxonomy SET description = cast(:description as jsonb), updated_at = :now
				WHERE action_type = :actionType""")
			.param("actionType", actionType)
			.param("description", this.json.writeValueAsString(description))
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
	}

	record ActionTypeRow(String actionType, WorkflowDescription description, String status) {

		boolean disabled() {
			return "Disabled".equals(this.status);
		}

	}

}
