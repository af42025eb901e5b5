package ai.kubernaut.datastorage.catalog.lifecycle;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import ai.kubernaut.datastorage.catalog.CatalogWorkflow;
import ai.kubernaut.datastorage.catalog.CatalogWorkflowRowMapper;
import ai.kubernaut.datastorage.catalog.WorkflowStatus;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of lifecycle moves; every method runs inside the caller's transaction.
 */
class LifecycleStore {

	private final JdbcClient jdbc;

	private final CatalogWorkflowRowMapper workflows;

	LifecycleStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.workflows = new CatalogWorkflowRowMapper(json);
	}

	/**
	 * The row, locked until the transaction ends so a concurrent move or registration
	 * cannot change its status between the check and the update.
	 */
	Optional<CatalogWorkflow> lock(UUID workflowId) {
		return this.jdbc.sql("SELECT * FROM remediation_workflow_catalog WHERE workflow_id = :id FOR UPDATE")
			.param("id", workflowId)
			.query(this.workflows)
			.optional();
	}

	CatalogWorkflow find(UUID workflowId) {
		return this.jdbc.sql("SELECT * FROM remediation_workflow_catalog WHERE workflow_id = :id")
			.param("id", workflowId)
			.query(this.workflows)
			.single();
	}

	void disable(UUID workflowId, String reason, String by, Instant now) {
		this.jdbc.sql("""
				UPDATE remediation_workflow_catalog
				SET status = :status, status_reason = :reason, disabled_at = :now, disabled_by = :by,
				    disabled_reason = :reason, updated_at = :now, updated_by = :by
				WHERE workflow_id = :id""")
			.param("status", WorkflowStatus.DISABLED.value())
			.param("id", workflowId)
			.param("reason", reason)
			.param("by", by)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
	}

	void enable(UUID workflowId, String reason, String by, Instant now) {
		this.jdbc.sql("""
				UPDATE remediation_workflow_catalog
				SET status = :status, status_reason = :reason, disabled_at = NULL, disabled_by = NULL,
				    disabled_reason = NULL, updated_at = :now, updated_by = :by
				WHERE workflow_id = :id""")
			.param("status", WorkflowStatus.ACTIVE.value())
			.param("id", workflowId)
			.param("reason", reason)
			.param("by", by)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
	}

	void deprecate(UUID workflowId, String reason, String by, Instant now) {
		this.jdbc.sql("""
				UPDATE remediation_workflow_catalog
				SET status = :status, status_reason = :reason, deprecation_notice = :reason,
				    updated_at = :now, updated_by = :by
				WHERE workflow_id = :id""")
			.param("status", WorkflowStatus.DEPRECATED.value())
			.param("id", workflowId)
			.param("reason", reason)
			.param("by", by)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
	}

}
