package ai.kubernaut.approval.request;

import java.net.URI;
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
import ai.kubernaut.contracts.approval.Decision;
import ai.kubernaut.contracts.signal.ResourceRef;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores approval requests in {@code approval_request} and who decided on them in
 * {@code approval_vote}. Every state change is one conditional {@code UPDATE} guarded by
 * the states {@link ApprovalLifecycle} allows it from, so concurrent writers cannot both
 * win; the vote table's primary key keeps one identity from counting twice.
 */
@Repository
class ApprovalRepository {

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			id, remediation_id, execution_id, steps, target_kind, target_namespace, target_name,
			target_resource_version, action_type, workflow_id, workflow_version, parameters, graph, diff, risk,
			required_approvals, approver_group, reason, callback_url, plan_hash, state, decided_by, decided_via,
			comment, created_at, expires_at, decided_at,
			(select coalesce(jsonb_agg(v.approver order by v.voted_at, v.approver), '[]'::jsonb)
			 from approval_vote v
			 where v.approval_id = approval_request.id and v.decision = 'APPROVE')::text as approved_by""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ApprovalRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Approval approval) {
		this.jdbc.sql("""
				insert into approval_request (id, remediation_id, execution_id, steps, target_kind, target_namespace,
				    target_name, target_resource_version, action_type, workflow_id, workflow_version, parameters,
				    graph, diff, risk, required_approvals, approver_group, reason, callback_url, plan_hash, state,
				    created_at, expires_at)
				values (:id, :remediationId, :executionId, cast(:steps as jsonb), :kind, :namespace,
				    :name, :resourceVersion, :actionType, :workflowId, :workflowVersion, cast(:parameters as jsonb),
				    :graph, :diff, :risk, :requiredApprovals, :approverGroup, :reason, :callbackUrl, :planHash, :state,
				    :createdAt, :expiresAt)
				""")
			.param("id", approval.id())
			.param("remediationId", approval.remediationId())
			.param("executionId", approval.executionId())
			.param("steps", this.json.writeValueAsString(approval.steps()))
			.param("kind", approval.target().kind())
			.param("namespace", approval.target().namespace())
			.param("name", approval.target().name())
			.param("resourceVersion", approval.targetResourceVersion())
			.param("actionType", approval.actionType())
			.param("workflowId", approval.workflowId())
			.param("workflowVersion", approval.workflowVersion())
			.param("parameters", this.json.writeValueAsString(approval.parameters()))
			.param("graph", approval.graph())
			.param("diff", approval.diff())
			.param("risk", approval.risk())
			.param("requiredApprovals", approval.requiredApprovals())
			.param("approverGroup", approval.approverGroup())
			.param("reason", approval.reason())
			.param("callbackUrl", (approval.callbackUrl() != null) ? approval.callbackUrl().toString() : null)
			.param("planHash", approval.planHash())
			.param("state", approval.state().name())
			.param("createdAt", timestamp(approval.createdAt()))
			.param("expiresAt", timestamp(approval.expiresAt()))
			.update();
	}

	/**
	 * A pending request for the same remediation, execution steps and plan: a repeat of a
	 * create whose answer was lost.
	 */
	Optional<Approval> findPendingRepeat(UUID remediationId, UUID executionId, List<String> steps, String planHash) {
		if (executionId == null) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("select " + COLUMNS + " from approval_request where remediation_id = :remediationId "
					+ "and execution_id = :executionId and state = 'PENDING' and plan_hash = :planHash "
					+ "and steps = cast(:steps as jsonb) limit 1")
			.param("remediationId", remediationId)
			.param("executionId", executionId)
			.param("planHash", planHash)
			.param("steps", this.json.writeValueAsString(steps))
			.query(this::map)
			.optional();
	}

	Optional<Approval> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from approval_request where id = :id")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/**
	 * Reads the request and locks it until the transaction ends, so decisions on one
	 * request are taken one after the other (votes are counted against a stable row).
	 */
	Optional<Approval> lock(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from approval_request where id = :id for update")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/**
	 * Records {@code approver}'s decision; {@code false} if that approver already decided
	 * on this request.
	 */
	boolean vote(UUID id, String approver, Decision decision, String via, Instant at) {
		return this.jdbc.sql("""
				insert into approval_vote (approval_id, approver, decision, via, voted_at)
				values (:id, :approver, :decision, :via, :at)
				on conflict (approval_id, approver) do nothing
				""")
			.param("id", id)
			.param("approver", approver)
			.param("decision", decision.name())
			.param("via", via)
			.param("at", timestamp(at))
			.update() == 1;
	}

	boolean hasVoted(UUID id, String approver) {
		return this.jdbc.sql("select count(*) from approval_vote where approval_id = :id and approver = :approver")
			.param("id", id)
			.param("approver", approver)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Moves the request to the final state {@code to} if it may still move there; empty
	 * when another decision got there first.
	 */
	Optional<Approval> finish(UUID id, ApprovalState to, String decidedBy, String via, String comment, Instant at) {
		return this.jdbc.sql("""
				update approval_request
				set state = :to, decided_by = :decidedBy, decided_via = :via, comment = :comment, decided_at = :at
				where id = :id and state in (:from)
				returning\s""" + COLUMNS)
			.param("id", id)
			.param("to", to.name())
			.param("from", names(ApprovalLifecycle.sourcesOf(to)))
			.param("decidedBy", decidedBy)
			.param("via", via)
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
				set state = :to, decided_by = :system, decided_via = 'expiry', decided_at = expires_at
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
				set state = :to, decided_by = :system, decided_via = 'expiry', decided_at = expires_at
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

	/**
	 * Requests matching every non-null filter, oldest first.
	 */
	List<Approval> list(ApprovalState state, String namespace, Instant createdBefore, int limit) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from approval_request where true");
		if (state != null) {
			sql.append(" and state = :state");
		}
		if (namespace != null) {
			sql.append(" and target_namespace = :namespace");
		}
		if (createdBefore != null) {
			sql.append(" and created_at <= :createdBefore");
		}
		sql.append(" order by created_at, id limit :limit");
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString()).param("limit", limit);
		if (state != null) {
			statement = statement.param("state", state.name());
		}
		if (namespace != null) {
			statement = statement.param("namespace", namespace);
		}
		if (createdBefore != null) {
			statement = statement.param("createdBefore", timestamp(createdBefore));
		}
		return statement.query(this::map).list();
	}

	private Approval map(ResultSet rs, int row) throws SQLException {
		String callbackUrl = rs.getString("callback_url");
		return new Approval(rs.getObject("id", UUID.class), rs.getObject("remediation_id", UUID.class),
				rs.getObject("execution_id", UUID.class), this.json.readValue(rs.getString("steps"), STRINGS),
				new ResourceRef(rs.getString("target_kind"), rs.getString("target_namespace"),
						rs.getString("target_name")),
				rs.getString("target_resource_version"), rs.getString("action_type"), rs.getString("workflow_id"),
				rs.getString("workflow_version"), this.json.readValue(rs.getString("parameters"), PARAMETERS),
				rs.getString("graph"), rs.getString("diff"), rs.getString("risk"), rs.getInt("required_approvals"),
				rs.getString("approver_group"), rs.getString("reason"),
				(callbackUrl != null) ? URI.create(callbackUrl) : null, rs.getString("plan_hash"),
				ApprovalState.valueOf(rs.getString("state")), this.json.readValue(rs.getString("approved_by"), STRINGS),
				rs.getString("decided_by"), rs.getString("decided_via"), rs.getString("comment"),
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
