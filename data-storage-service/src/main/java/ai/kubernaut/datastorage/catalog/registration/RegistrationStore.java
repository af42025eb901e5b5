package ai.kubernaut.datastorage.catalog.registration;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ai.kubernaut.contracts.catalog.WorkflowDescription;
import ai.kubernaut.datastorage.catalog.CatalogWorkflow;
import ai.kubernaut.datastorage.catalog.CatalogWorkflowRowMapper;
import ai.kubernaut.datastorage.catalog.WorkflowStatus;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of registration. Every method expects to run inside the caller's transaction;
 * none opens its own.
 */
class RegistrationStore {

	/**
	 * First key of the two-key advisory lock taken per workflow name, so these locks
	 * never collide with another component's advisory locks in the same database
	 * ("WFCT").
	 */
	private static final int WORKFLOW_NAME_LOCK_SPACE = 0x57464354;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final CatalogWorkflowRowMapper workflows;

	RegistrationStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
		this.workflows = new CatalogWorkflowRowMapper(json);
	}

	boolean isActiveActionType(String actionType) {
		return this.jdbc
			.sql("SELECT count(*) FROM action_type_taxonomy WHERE action_type = :actionType AND status = 'Active'")
			.param("actionType", actionType)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Inserts the action type unless it exists. Returns whether it was inserted.
	 */
	boolean insertActionTypeIfAbsent(ActionTypeManifest actionType, String registeredBy, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO action_type_taxonomy (action_type, description, status, created_by, created_at, updated_at)
				VALUES (:actionType, cast(:description as jsonb), 'Active', :createdBy, :now, :now)
				ON CONFLICT (action_type) DO NOTHING""")
			.param("actionType", actionType.name())
			.param("description", this.json.writeValueAsString(actionType.description()))
			.param("createdBy", registeredBy)
			.param("now", timestamp(now))
			.update() == 1;
	}

	Optional<ActionTypeRow> findActionType(String actionType) {
		return this.jdbc
			.sql("SELECT action_type, description, status FROM action_type_taxonomy WHERE action_type = :actionType")
			.param("actionType", actionType)
			.query((rs, rowNum) -> new ActionTypeRow(rs.getString("action_type"),
					this.workflows.description(rs.getString("description")), rs.getString("status")))
			.optional();
	}

	void reenableActionType(String actionType, Instant now) {
		this.jdbc.sql("""
				UPDATE action_type_taxonomy
				SET status = 'Active', disabled_at = NULL, disabled_by = NULL, updated_at = :now
				WHERE action_type = :actionType""")
			.param("actionType", actionType)
			.param("now", timestamp(now))
			.update();
	}

	/**
	 * Serialises registrations of one workflow name until the transaction ends, so the
	 * version checks and the supersede-then-insert below never interleave with another
	 * registration of the same name.
	 */
	void lockWorkflowName(String workflowName) {
		this.jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(:space, hashtext(:name))")
			.param("space", WORKFLOW_NAME_LOCK_SPACE)
			.param("name", workflowName)
			.query(Integer.class)
			.single();
	}

	Optional<CatalogWorkflow> findActive(String workflowName, String version) {
		return this.jdbc.sql("""
				SELECT * FROM remediation_workflow_catalog
				WHERE workflow_name = :name AND version = :version AND status = 'Active'""")
			.param("name", workflowName)
			.param("version", version)
			.query(this.workflows)
			.optional();
	}

	/** The Active versions of a name: at most one, as registration keeps it. */
	List<CatalogWorkflow> findActive(String workflowName) {
		return this.jdbc
			.sql("SELECT * FROM remediation_workflow_catalog WHERE workflow_name = :name AND status = 'Active'")
			.param("name", workflowName)
			.query(this.workflows)
			.list();
	}

	Optional<CatalogWorkflow> findById(UUID workflowId) {
		return this.jdbc.sql("SELECT * FROM remediation_workflow_catalog WHERE workflow_id = :id")
			.param("id", workflowId)
			.query(this.workflows)
			.optional();
	}

	Optional<CatalogWorkflow> findLatest(String workflowName) {
		return this.jdbc
			.sql("SELECT * FROM remediation_workflow_catalog WHERE workflow_name = :name AND is_latest_version")
			.param("name", workflowName)
			.query(this.workflows)
			.optional();
	}

	/**
	 * Marks every other Active version of the name Superseded. Returns the versions
	 * superseded.
	 */
	List<String> supersedeOtherVersions(String workflowName, String newVersion, String registeredBy, Instant now) {
		return this.jdbc.sql("""
				UPDATE remediation_workflow_catalog
				SET status = 'Superseded',
				    status_reason = 'superseded: new version ' || :newVersion || ' registered (was ' || version || ')',
				    is_latest_version = false, updated_at = :now, updated_by = :updatedBy
				WHERE workflow_name = :name AND status = 'Active' AND version <> :newVersion
				RETURNING version""")
			.param("name", workflowName)
			.param("newVersion", newVersion)
			.param("updatedBy", registeredBy)
			.param("now", timestamp(now))
			.query(String.class)
			.list();
	}

	void clearLatestVersion(String workflowName, Instant now) {
		this.jdbc.sql("""
				UPDATE remediation_workflow_catalog SET is_latest_version = false, updated_at = :now
				WHERE workflow_name = :name AND is_latest_version""")
			.param("name", workflowName)
			.param("now", timestamp(now))
			.update();
	}

	/**
	 * Makes an existing row the Active latest version again (re-enable or reactivation).
	 */
	void reactivate(UUID workflowId, String reason, String registeredBy, Instant now) {
		this.jdbc.sql("""
				UPDATE remediation_workflow_catalog
				SET status = 'Active', status_reason = :reason, is_latest_version = true,
				    disabled_at = NULL, disabled_by = NULL, disabled_reason = NULL,
				    updated_at = :now, updated_by = :updatedBy
				WHERE workflow_id = :id""")
			.param("id", workflowId)
			.param("reason", reason)
			.param("updatedBy", registeredBy)
			.param("now", timestamp(now))
			.update();
	}

	void insert(WorkflowManifest workflow, String content, WorkflowIdentity identity, String previousVersion,
			String registeredBy, Instant now) {
		this.jdbc
			.sql("""
					INSERT INTO remediation_workflow_catalog (
					    workflow_id, workflow_name, name, version, description, content, content_hash, action_type,
					    labels, custom_labels, detected_labels, parameters, engine_config,
					    execution_engine, execution_bundle, execution_bundle_digest, service_account_name,
					    status, is_latest_version, previous_version, created_at, updated_at, created_by, updated_by)
					VALUES (
					    :workflowId, :name, :name, :version, cast(:description as jsonb), :content, :contentHash, :actionType,
					    cast(:labels as jsonb), cast(:customLabels as jsonb), cast(:detectedLabels as jsonb),
					    cast(:parameters as jsonb), cast(:engineConfig as jsonb),
					    :engine, :bundle, :bundleDigest, :serviceAccountName,
					    :status, true, :previousVersion, :now, :now, :registeredBy, :registeredBy)""")
			.param("workflowId", identity.workflowId())
			.param("name", workflow.name())
			.param("version", workflow.version())
			.param("description", jsonOf(workflow.description()))
			.param("content", content)
			.param("contentHash", identity.contentHash())
			.param("actionType", workflow.actionType())
			.param("labels", jsonOf(workflow.labels()))
			.param("customLabels", jsonOf(workflow.customLabels()))
			.param("detectedLabels", jsonOf(workflow.detectedLabels()))
			.param("parameters", jsonOf(workflow.parameters()))
			.param("engineConfig", (workflow.engineConfig() != null) ? jsonOf(workflow.engineConfig()) : null,
					Types.VARCHAR)
			.param("engine", workflow.engine())
			.param("bundle", workflow.bundle(), Types.VARCHAR)
			.param("bundleDigest", workflow.bundleDigest(), Types.VARCHAR)
			.param("serviceAccountName", workflow.serviceAccountName(), Types.VARCHAR)
			.param("status", WorkflowStatus.ACTIVE.value())
			.param("previousVersion", previousVersion, Types.VARCHAR)
			.param("registeredBy", registeredBy, Types.VARCHAR)
			.param("now", timestamp(now))
			.update();
	}

	private String jsonOf(Object value) {
		return this.json.writeValueAsString(value);
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * An action type as stored.
	 */
	record ActionTypeRow(String actionType, WorkflowDescription description, String status) {
	}

}
