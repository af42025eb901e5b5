package ai.kubernaut.approval.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import ai.kubernaut.contracts.approval.ApprovalState;
import ai.kubernaut.contracts.signal.ResourceRef;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores approval requests in {@code approval_request}. Every state change is one
 * conditional {@code UPDATE} guarded by the states {@link ApprovalLifecycle} allows it
 * from, so concurrent writers cannot both win.
 */
@Repository
class ApprovalRepository {

	private static final TypeReference<List<String>> STEPS = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			id, remediation_id, steps, target_kind, target_namespace, target_name, action_type, workflow_id,
			parameters, reason, state, decided_by, comment, created_at, expires_at, decided_at""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ApprovalRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Approval approval) {
		this.jdbc.sql("""
				insert into approval_request (id, remediation_id, steps, target_kind, target_namespace, target_name,
				    action_type, workflow_id, parameters, reason, state, created_at, expires_at)
				values (:id, :remediationId, cast(:steps as jsonb), :kind, :namespace, :name,
				    :actionType, :workflowId, cast(:parameters as jsonb), :reason, :state, :createdAt, :expiresAt)
				""")
			.param("id", approval.id())
			.param("remediationId", approval.remediationId())
			.param("steps", this.json.writeValueAsString(approval.steps()))
			.param("kind", approval.target().kind())
			.param("namespace", approval.target().namespace())
			.param("name", approval.target().name())
			.param("actionType", approval.actionType())
			.param("workflowId", approval.workflowId())
			.param("parameters", this.json.writeValueAsString(approval.parameters()))
			.param("reason", approval.reason())
			.param("state", approval.state().name())
			.param("createdAt", timestamp(approval.createdAt()))
			.param("expiresAt", timestamp(approval.expiresAt()))
			.update();
	}

	Optional<Approval> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from approval_request where id = :id")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/**
	 * Records a human decision if the request may still move to {@code to} and is open at
	 * {@code at}; empty when another decision, the deadline or an unknown id got in the
	 * way.
	 */
	Optional<Approval> decide(UUID id, ApprovalState to, String decidedBy, String comment, Instant at) {
		return this.jdbc.sql("""
				update approval_request
				set state = :to, decided_by = :decidedBy, comment = :comment, decided_at = :at
				where id = :id and state in (:from) and expires_at > :at
				returning\s""" + COLUMNS)
			.param("id", id)
			.param("to", to.name())
			.param("from", names(ApprovalLifecycle.sourcesOf(to)))
			.param("decidedBy", decidedBy)
			.param("comment", comment)
			.param("at", timestamp(at))
			.query(this::map)
			.optional();
	}

	/**
	 * Marks one overdue request expired; empty if it was decided, expired by someone
	 * else, or not yet due.
	 */
	Optional<Approval> expire(UUID id, Instant now) {
		return this.jdbc.sql("""
				update approval_request
				set state = :to, decided_by = :system, decided_at = expires_at
				where id = :id and state in (:from) and expires_at <= :now
				returning\s""" + COLUMNS)
			.param("id", id)
			.param("to", ApprovalState.EXPIRED.name())
			.param("from", names(ApprovalLifecycle.sourcesOf(ApprovalState.EXPIRED)))
			.param("system", Approval.SYSTEM)
			.param("now", timestamp(now))
			.query(this::map)
			.optional();
	}

	/**
	 * Marks up to {@code limit} overdue requests expired, oldest deadline first. Rows
	 * another sweeper or a decision holds are skipped rather than waited for; the next
	 * sweep gets them if they are still due.
	 */
	List<Approval> expireOverdue(Instant now, int limit) {
		return this.jdbc.sql("""
				update approval_request
				set state = :to, decided_by = :system, decided_at = expires_at
				where id in (
				    select id from approval_request
				    where state in (:from) and expires_at <= :now
				    order by expires_at
				    limit :limit
				    for update skip locked)
				returning\s""" + COLUMNS)
			.param("to", ApprovalState.EXPIRED.name())
			.param("from", names(ApprovalLifecycle.sourcesOf(ApprovalState.EXPIRED)))
			.param("system", Approval.SYSTEM)
			.param("now", timestamp(now))
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	private Approval map(ResultSet rs, int row) throws SQLException {
		return new Approval(rs.getObject("id", UUID.class), rs.getObject("remediation_id", UUID.class),
				this.json.readValue(rs.getString("steps"), STEPS),
				new ResourceRef(rs.getString("target_kind"), rs.getString("target_namespace"),
						rs.getString("target_name")),
				rs.getString("action_type"), rs.getString("workflow_id"),
				this.json.readValue(rs.getString("parameters"), PARAMETERS), rs.getString("reason"),
				ApprovalState.valueOf(rs.getString("state")), rs.getString("decided_by"), rs.getString("comment"),
				instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "decided_at"));
	}

	private static List<String> names(Set<ApprovalState> states) {
		return states.stream().map(Enum::name).toList();
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
