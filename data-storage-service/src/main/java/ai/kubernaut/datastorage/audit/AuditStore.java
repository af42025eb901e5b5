package ai.kubernaut.datastorage.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kubernaut.contracts.audit.AuditEvent;
import ai.kubernaut.contracts.audit.AuditEventAck;
import ai.kubernaut.contracts.audit.AuditEventPage;
import ai.kubernaut.contracts.audit.AuditEventRecord;
import ai.kubernaut.contracts.audit.ChainVerification;
import ai.kubernaut.contracts.audit.ChainVerification.Violation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of the audit trail. Appending is an INSERT only; the database numbers the event
 * in its chain, hashes it and refuses any later change (see the {@code audit_events}
 * migration).
 */
class AuditStore {

	/** Verification reports at most this many violations. */
	static final int MAX_VIOLATIONS = 1000;

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	AuditEventAck append(AuditEvent event, String recordedBy, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO audit_events (event_version, event_timestamp, event_type, event_category, event_action,
				    event_outcome, correlation_id, actor_type, actor_id, resource_type, resource_id, resource_name,
				    namespace, severity, duration_ms, error_code, error_message, event_data, recorded_by, recorded_at)
				VALUES (:version, :timestamp, :type, :category, :action, :outcome, :correlationId, :actorType, :actorId,
				    :resourceType, :resourceId, :resourceName, :namespace, :severity, :durationMs, :errorCode,
				    :errorMessage, cast(:eventData as jsonb), :recordedBy, :recordedAt)
				RETURNING event_id, event_timestamp, event_hash, previous_event_hash""")
			.param("version", event.version())
			.param("timestamp", timestamp(event.eventTimestamp()))
			.param("type", event.eventType())
			.param("category", event.eventCategory())
			.param("action", event.eventAction())
			.param("outcome", event.eventOutcome())
			.param("correlationId", event.correlationId())
			.param("actorType", event.actorType(), Types.VARCHAR)
			.param("actorId", event.actorId(), Types.VARCHAR)
			.param("resourceType", event.resourceType(), Types.VARCHAR)
			.param("resourceId", event.resourceId(), Types.VARCHAR)
			.param("resourceName", event.resourceName(), Types.VARCHAR)
			.param("namespace", event.namespace(), Types.VARCHAR)
			.param("severity", event.severity(), Types.VARCHAR)
			.param("durationMs", event.durationMs(), Types.BIGINT)
			.param("errorCode", event.errorCode(), Types.VARCHAR)
			.param("errorMessage", event.errorMessage(), Types.VARCHAR)
			.param("eventData", this.json.writeValueAsString(event.eventData()))
			.param("recordedBy", recordedBy)
			.param("recordedAt", timestamp(now))
			.query((rs, rowNum) -> new AuditEventAck(rs.getObject("event_id", UUID.class),
					instant(rs, "event_timestamp"), rs.getString("event_hash"), rs.getString("previous_event_hash")))
			.single();
	}

	AuditEventPage query(AuditEventFilter filter, int limit, int offset) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		filter.equalities().forEach((column, value) -> {
			conditions.add(column + " = :" + column);
			params.put(column, value);
		});
		if (filter.since() != null) {
			conditions.add("event_timestamp >= :since");
			params.put("since", timestamp(filter.since()));
		}
		if (filter.until() != null) {
			conditions.add("event_timestamp <= :until");
			params.put("until", timestamp(filter.until()));
		}
		if (filter.detailKey() != null) {
			conditions.add("event_data ->> cast(:detailKey as text) = cast(:detailValue as text)");
			params.put("detailKey", filter.detailKey());
			params.put("detailValue", filter.detailValue());
		}
		String where = conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
		long[] total = { 0 };
		List<AuditEventRecord> events = new ArrayList<>();
		this.jdbc.sql("""
				WITH matched AS (SELECT * FROM audit_events WHERE %s)
				SELECT total.total_count, page.*
				FROM (SELECT count(*) AS total_count FROM matched) total
				LEFT JOIN LATERAL (
				  SELECT * FROM matched ORDER BY event_timestamp DESC, recorded_at DESC, event_id
				  OFFSET :offset LIMIT :limit
				) page ON TRUE
				ORDER BY page.event_timestamp DESC, page.recorded_at DESC, page.event_id""".formatted(where))
			.params(params)
			.param("offset", offset)
			.param("limit", limit)
			.query((ResultSet rs) -> {
				total[0] = rs.getLong("total_count");
				if (rs.getObject("event_id") != null) {
					events.add(record(rs));
				}
			});
		return new AuditEventPage(events, AuditEventPage.Page.of(limit, offset, total[0]));
	}

	/**
	 * Recomputes every event's digest and checks each link to the event before it in the
	 * same correlation id.
	 */
	ChainVerification verify(String correlationId) {
		long[] counts = { 0, 0 };
		List<Violation> violations = new ArrayList<>();
		this.jdbc.sql("""
				SELECT e.correlation_id, e.event_id, e.chain_position,
				       e.event_hash = audit_event_digest(e) AS hash_matches,
				       e.previous_event_hash IS NOT DISTINCT FROM lag(e.event_hash) OVER chain
				           AND e.chain_position = row_number() OVER chain AS link_matches,
				       row_number() OVER chain = 1 AS chain_start
				FROM audit_events e
				WHERE cast(:correlationId as text) IS NULL OR e.correlation_id = cast(:correlationId as text)
				WINDOW chain AS (PARTITION BY e.correlation_id ORDER BY e.chain_position)
				ORDER BY e.correlation_id, e.chain_position""")
			.param("correlationId", correlationId, Types.VARCHAR)
			.query((ResultSet rs) -> {
				counts[0]++;
				if (rs.getBoolean("chain_start")) {
					counts[1]++;
				}
				String reason = !rs.getBoolean("hash_matches") ? "event_hash_mismatch"
						: (!rs.getBoolean("link_matches") ? "chain_link_broken" : null);
				if (reason != null && violations.size() < MAX_VIOLATIONS) {
					violations.add(new Violation(rs.getString("correlation_id"), rs.getObject("event_id", UUID.class),
							rs.getInt("chain_position"), reason));
				}
			});
		return new ChainVerification(violations.isEmpty(), counts[0], counts[1], violations);
	}

	private AuditEventRecord record(ResultSet rs) throws SQLException {
		Long durationMs = rs.getObject("duration_ms", Long.class);
		return new AuditEventRecord(rs.getObject("event_id", UUID.class), rs.getString("event_version"),
				rs.getString("event_type"), instant(rs, "event_timestamp"), rs.getString("event_category"),
				rs.getString("event_action"), rs.getString("event_outcome"), rs.getString("correlation_id"),
				rs.getString("actor_type"), rs.getString("actor_id"), rs.getString("resource_type"),
				rs.getString("resource_id"), rs.getString("resource_name"), rs.getString("namespace"),
				rs.getString("severity"), durationMs, rs.getString("error_code"), rs.getString("error_message"),
				this.json.readValue(rs.getString("event_data"), MAP), rs.getInt("chain_position"),
				rs.getString("event_hash"), rs.getString("previous_event_hash"), instant(rs, "recorded_at"),
				rs.getString("recorded_by"));
	}

	static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
