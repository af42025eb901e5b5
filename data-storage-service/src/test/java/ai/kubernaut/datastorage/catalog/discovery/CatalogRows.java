package ai.kubernaut.datastorage.catalog.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.datastorage.catalog.discovery.ReferenceScorer.Row;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes catalog rows straight into the tables, in batches, for tests that need many
 * workflows fast (registration through HTTP is tested elsewhere).
 */
final class CatalogRows {

	private static final String INSERT = """
			INSERT INTO remediation_workflow_catalog (workflow_id, workflow_name, name, version, description, content,
			    content_hash, action_type, labels, custom_labels, detected_labels, execution_engine, status,
			    is_latest_version)
			VALUES (cast(:id as uuid), :name, :name, '1.0.0', '{"what": "generated", "whenToUse": "in tests"}', 'generated',
			    :hash, :actionType, cast(:labels as jsonb), cast(:customLabels as jsonb), cast(:detectedLabels as jsonb),
			    'job', :status, :latest)""";

	private CatalogRows() {
	}

	static void actionType(JdbcClient jdbc, String name) {
		jdbc.sql("""
				INSERT INTO action_type_taxonomy (action_type, description)
				VALUES (:name, '{"what": "generated", "whenToUse": "in tests"}') ON CONFLICT DO NOTHING""")
			.param("name", name)
			.update();
	}

	static void insert(NamedParameterJdbcTemplate jdbc, List<Row> rows) {
		List<MapSqlParameterSource> batch = new ArrayList<>();
		for (Row row : rows) {
			String name = "wf-" + row.workflowId();
			batch.add(new MapSqlParameterSource(Map.of("id", row.workflowId(), "name", name, "hash",
					row.workflowId().replace("-", "") + row.workflowId().replace("-", ""), "actionType",
					row.actionType(), "labels", row.labels().toString(), "customLabels", row.customLabels().toString(),
					"detectedLabels", row.detectedLabels().toString(), "status",
					row.discoverable() ? "Active" : "Disabled", "latest", row.discoverable())));
		}
		jdbc.batchUpdate(INSERT, batch.toArray(MapSqlParameterSource[]::new));
	}

	static String newId() {
		return UUID.randomUUID().toString();
	}

}
