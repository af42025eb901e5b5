package ai.kubernaut.datastorage.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import ai.kubernaut.contracts.audit.RemediationHistoryEntry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Past remediations of one target, assembled from audit events in one statement. The
 * engine's events carry these {@code event_data} keys:
 * <ul>
 * <li>{@code target_resource}: {@code namespace/Kind/name}, or {@code Kind/name} for a
 * cluster-scoped target (Kubernaut's form; indexed);</li>
 * <li>{@code workflow_id}, {@code action_type}: the workflow chosen (the latest event
 * that names them wins);</li>
 * <li>{@code failure_reason} on {@code orchestrator.lifecycle.failed} (else its
 * {@code error_message}).</li>
 * </ul>
 * Only {@code remediation.workflow_created} and {@code orchestrator.lifecycle.*} events
 * count; the outcome is that of the latest {@code orchestrator.lifecycle.completed} or
 * {@code .failed} event of the correlation id, {@code InProgress} without one.
 */
@Repository
class RemediationHistoryQuery {

	static final String COMPLETED = "orchestrator.lifecycle.completed";

	static final String FAILED = "orchestrator.lifecycle.failed";

	private final JdbcClient jdbc;

	RemediationHistoryQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<RemediationHistoryEntry> history(String targetResource, int limit) {
		return this.jdbc
			.sql("""
					SELECT correlation_id,
					       (array_agg(event_data ->> 'workflow_id' ORDER BY event_timestamp DESC)
					           FILTER (WHERE event_data ->> 'workflow_id' IS NOT NULL))[1] AS workflow_id,
					       (array_agg(event_data ->> 'action_type' ORDER BY event_timestamp DESC)
					           FILTER (WHERE event_data ->> 'action_type' IS NOT NULL))[1] AS action_type,
					       (array_agg(event_type ORDER BY event_timestamp DESC)
					           FILTER (WHERE event_type IN (:completed, :failed)))[1] AS terminal_event,
					       (array_agg(coalesce(event_data ->> 'failure_reason', error_message) ORDER BY event_timestamp DESC)
					           FILTER (WHERE event_type = :failed))[1] AS failure_reason,
					       min(event_timestamp) AS started_at,
					       max(event_timestamp) FILTER (WHERE event_type IN (:completed, :failed)) AS completed_at,
					       max(event_timestamp) AS last_event_at
					FROM audit_events
					WHERE event_data ->> 'target_resource' = :target
					  AND (event_type = 'remediation.workflow_created' OR event_type LIKE 'orchestrator.lifecycle.%')
					GROUP BY correlation_id
					ORDER BY last_event_at DESC, correlation_id
					LIMIT :limit""")
			.param("target", targetResource)
			.param("completed", COMPLETED)
			.param("failed", FAILED)
			.param("limit", limit)
			.query(this::entry)
			.list();
	}

	private RemediationHistoryEntry entry(ResultSet rs, int rowNum) throws SQLException {
		String terminal = rs.getString("terminal_event");
		String outcome = (terminal == null) ? "InProgress" : (FAILED.equals(terminal) ? "Failed" : "Completed");
		return new RemediationHistoryEntry(rs.getString("correlation_id"), rs.getString("workflow_id"),
				rs.getString("action_type"), outcome, FAILED.equals(terminal) ? rs.getString("failure_reason") : null,
				instant(rs, "started_at"), (terminal != null) ? instant(rs, "completed_at") : null);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
