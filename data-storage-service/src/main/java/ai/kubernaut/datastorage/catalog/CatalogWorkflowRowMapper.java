package ai.kubernaut.datastorage.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import ai.kubernaut.contracts.catalog.WorkflowDescription;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.RowMapper;

/**
 * Maps a {@code SELECT *} of {@code remediation_workflow_catalog} to a
 * {@link CatalogWorkflow}.
 */
public final class CatalogWorkflowRowMapper implements RowMapper<CatalogWorkflow> {

	private final JsonMapper json;

	public CatalogWorkflowRowMapper(JsonMapper json) {
		this.json = json;
	}

	@Override
	public CatalogWorkflow mapRow(ResultSet rs, int rowNum) throws SQLException {
		ObjectNode parameters = JsonNodeFactory.instance.objectNode();
		parameters.putObject("schema").set("parameters", jsonColumn(rs, "parameters"));
		return new CatalogWorkflow(rs.getObject("workflow_id", UUID.class), rs.getString("workflow_name"),
				rs.getString("version"), rs.getString("schema_version"), rs.getString("name"),
				description(rs.getString("description")), rs.getString("owner"), rs.getString("maintainer"),
				rs.getString("content"), rs.getString("content_hash"), rs.getString("action_type"), parameters,
				rs.getString("execution_engine"), rs.getString("schema_image"), rs.getString("schema_digest"),
				rs.getString("execution_bundle"), rs.getString("execution_bundle_digest"),
				jsonColumn(rs, "engine_config"), rs.getString("service_account_name"), jsonColumn(rs, "labels"),
				jsonColumn(rs, "custom_labels"), jsonColumn(rs, "detected_labels"), rs.getString("status"),
				rs.getString("status_reason"), instant(rs, "disabled_at"), rs.getString("disabled_by"),
				rs.getString("disabled_reason"), rs.getBoolean("is_latest_version"), rs.getString("previous_version"),
				rs.getString("deprecation_notice"), rs.getString("version_notes"), rs.getString("change_summary"),
				rs.getString("approved_by"), instant(rs, "approved_at"), rs.getBigDecimal("expected_success_rate"),
				rs.getObject("expected_duration_seconds", Integer.class), instant(rs, "created_at"),
				instant(rs, "updated_at"), rs.getString("created_by"), rs.getString("updated_by"));
	}

	/**
	 * Reads a {@code description} JSONB column (camelCase keys) as the contract type.
	 */
	public WorkflowDescription description(String column) {
		return (column != null) ? this.json.readValue(column, WorkflowDescription.class) : null;
	}

	private JsonNode jsonColumn(ResultSet rs, String column) throws SQLException {
		String value = rs.getString(column);
		return (value != null) ? this.json.readTree(value) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
