package ai.kubernaut.engine.remediation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ai.kubernaut.contracts.remediation.RemediationPhase;
import ai.kubernaut.contracts.remediation.RemediationRoute;
import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.contracts.signal.Signal;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Remediations, target locks and target failure history in the {@code engine} schema.
 * Every update of a remediation is conditional on the version it was read with.
 */
class RemediationRepository {

	private static final TypeReference<Map<String, List<String>>> CUSTOM_LABELS = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private static final String ACTIVE = "('PENDING', 'EXECUTING', 'AWAITING_APPROVAL')";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	RemediationRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Remediation remediation) {
		this.jdbc.sql("""
				insert into remediation (id, fingerprint, phase, signal, target_kind, target_namespace, target_name,
				    target_key, route, custom_labels, detected_labels, created_at, updated_at, version)
				values (:id, :fingerprint, :phase, cast(:signal as jsonb), :kind, :namespace, :name, :targetKey,
				    cast(:route as jsonb), cast(:customLabels as jsonb), cast(:detectedLabels as jsonb),
				    :createdAt, :updatedAt, :version)
				""")
			.param("id", remediation.id())
			.param("fingerprint", remediation.fingerprint())
			.param("phase", remediation.phase().name())
			.param("signal", this.json.writeValueAsString(remediation.signal()))
			.param("kind", remediation.target().kind())
			.param("namespace", (remediation.target().namespace() != null) ? remediation.target().namespace() : "")
			.param("name", remediation.target().name())
			.param("targetKey", remediation.targetKey())
			.param("route", (remediation.route() != null) ? this.json.writeValueAsString(remediation.route()) : null)
			.param("customLabels", this.json.writeValueAsString(remediation.customLabels()))
			.param("detectedLabels", this.json.writeValueAsString(remediation.detectedLabels()))
			.param("createdAt", timestamp(remediation.createdAt()))
			.param("updatedAt", timestamp(remediation.updatedAt()))
			.param("version", remediation.version())
			.update();
	}

	/**
	 * Removes a remediation that was never started, e.g. when it could not be queued.
	 */
	void delete(UUID remediationId) {
		this.jdbc.sql("delete from remediation where id = :id").param("id", remediationId).update();
	}

	Optional<Remediation> find(UUID remediationId) {
		return this.jdbc.sql("select * from remediation where id = :id")
			.param("id", remediationId)
			.query(this::remediation)
			.optional();
	}

	/**
	 * The remediation, locked for this transaction.
	 */
	Optional<Remediation> lock(UUID remediationId) {
		return this.jdbc.sql("select * from remediation where id = :id for update")
			.param("id", remediationId)
			.query(this::remediation)
			.optional();
	}

	/**
	 * The pending remediation, locked for this transaction; empty when it is not pending
	 * or another transaction holds it.
	 */
	Optional<Remediation> lockPending(UUID remediationId) {
		return this.jdbc.sql("select * from remediation where id = :id and phase = 'PENDING' for update skip locked")
			.param("id", remediationId)
			.query(this::remediation)
			.optional();
	}

	/**
	 * The active remediation running {@code executionId}, locked; empty when none or
	 * another transaction holds it.
	 */
	Optional<Remediation> lockActiveByExecution(UUID executionId) {
		return this.jdbc
			.sql("select * from remediation where execution_id = :executionId and phase in " + ACTIVE
					+ " for update skip locked")
			.param("executionId", executionId)
			.query(this::remediation)
			.optional();
	}

	/**
	 * Writes the remediation's phase and findings.
	 * @return the remediation with its new version
	 * @throws ConcurrentRemediationUpdateException if it changed since it was read
	 */
	Remediation update(Remediation remediation) {
		int updated = this.jdbc.sql("""
				update remediation
				set phase = :phase, action_type = :actionType, workflow_id = :workflowId, workflow_name = :workflowName,
				    execution_id = :executionId, approval_required = :approvalRequired, outcome = :outcome,
				    failure_reason = :failureReason, updated_at = :updatedAt, completed_at = :completedAt,
				    version = version + 1
				where id = :id and version = :version
				""")
			.param("phase", remediation.phase().name())
			.param("actionType", remediation.actionType())
			.param("workflowId", remediation.workflowId())
			.param("workflowName", remediation.workflowName())
			.param("executionId", remediation.executionId())
			.param("approvalRequired", remediation.approvalRequired())
			.param("outcome", remediation.outcome())
			.param("failureReason", remediation.failureReason())
			.param("updatedAt", timestamp(remediation.updatedAt()))
			.param("completedAt", timestamp(remediation.completedAt()))
			.param("id", remediation.id())
			.param("version", remediation.version())
			.update();
		if (updated == 0) {
			throw new ConcurrentRemediationUpdateException(remediation.id(), remediation.version());
		}
		return remediation.withVersion(remediation.version() + 1);
	}

	/**
	 * Takes the target's lock for {@code remediationId}, atomically across replicas. A
	 * lock already held by the same remediation (a re-run after a crash) or left by one
	 * that has ended counts as free.
	 * @return the holder when another active remediation holds it, else empty
	 */
	Optional<UUID> tryLock(String targetKey, UUID remediationId, Instant now) {
		int inserted = this.jdbc.sql("""
				insert into remediation_target_lock (target_key, remediation_id, acquired_at)
				values (:targetKey, :id, :now)
				on conflict (target_key) do update set remediation_id = excluded.remediation_id,
				    acquired_at = excluded.acquired_at
				where remediation_target_lock.remediation_id = excluded.remediation_id
				   or not exists (select 1 from remediation r
				                  where r.id = remediation_target_lock.remediation_id and r.phase in
				""" + ACTIVE + ")")
			.param("targetKey", targetKey)
			.param("id", remediationId)
			.param("now", timestamp(now))
			.update();
		if (inserted == 1) {
			return Optional.empty();
		}
		return this.jdbc.sql("select remediation_id from remediation_target_lock where target_key = :targetKey")
			.param("targetKey", targetKey)
			.query(UUID.class)
			.optional()
			.filter((holder) -> !holder.equals(remediationId));
	}

	void releaseLock(String targetKey, UUID remediationId) {
		this.jdbc.sql("delete from remediation_target_lock where target_key = :targetKey and remediation_id = :id")
			.param("targetKey", targetKey)
			.param("id", remediationId)
			.update();
	}

	TargetState targetState(String targetKey) {
		return this.jdbc.sql("select * from remediation_target_state where target_key = :targetKey")
			.param("targetKey", targetKey)
			.query((rs, row) -> new TargetState(targetKey, rs.getInt("consecutive_failures"),
					instant(rs, "last_failure_at"), instant(rs, "next_allowed_at"), instant(rs, "blocked_until")))
			.optional()
			.orElseGet(() -> TargetState.clean(targetKey));
	}

	void saveTargetState(TargetState state) {
		this.jdbc.sql("""
				insert into remediation_target_state (target_key, consecutive_failures, last_failure_at,
				    next_allowed_at, blocked_until)
				values (:targetKey, :failures, :lastFailureAt, :nextAllowedAt, :blockedUntil)
				on conflict (target_key) do update set consecutive_failures = excluded.consecutive_failures,
				    last_failure_at = excluded.last_failure_at, next_allowed_at = excluded.next_allowed_at,
				    blocked_until = excluded.blocked_until
				""")
			.param("targetKey", state.targetKey())
			.param("failures", state.consecutiveFailures())
			.param("lastFailureAt", timestamp(state.lastFailureAt()))
			.param("nextAllowedAt", timestamp(state.nextAllowedAt()))
			.param("blockedUntil", timestamp(state.blockedUntil()))
			.update();
	}

	/**
	 * When {@code workflowId} last completed on the target with outcome Remediated.
	 */
	Optional<Instant> lastRemediated(String targetKey, String workflowId) {
		return this.jdbc.sql("""
				select max(completed_at) from remediation
				where target_key = :targetKey and workflow_id = :workflowId and phase = 'COMPLETED'
				  and outcome = 'Remediated'
				""")
			.param("targetKey", targetKey)
			.param("workflowId", workflowId)
			.query((rs, row) -> Optional.ofNullable(instant(rs, 1)))
			.single();
	}

	/**
	 * Pending remediations nobody has picked up since {@code before}: lost from a queue
	 * by a restart, or refused while the engine was busy.
	 */
	List<UUID> stalePending(Instant before, int limit) {
		return this.jdbc
			.sql("select id from remediation where phase = 'PENDING' and updated_at < :before "
					+ "order by updated_at limit :limit")
			.param("before", timestamp(before))
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	/**
	 * Executions of active remediations whose phase the remediation does not reflect yet.
	 */
	List<UUID> executionsAhead(int limit) {
		return this.jdbc.sql("""
				select r.execution_id from remediation r join workflow_execution e on e.id = r.execution_id
				where r.phase in ('EXECUTING', 'AWAITING_APPROVAL')
				  and (e.phase in ('Completed', 'Failed', 'Cancelled', 'TimedOut')
				       or (r.phase = 'EXECUTING' and e.phase = 'WaitingForApproval')
				       or (r.phase = 'AWAITING_APPROVAL' and e.phase in ('Running', 'Pending')))
				order by r.updated_at limit :limit
				""").param("limit", limit).query(UUID.class).list();
	}

	private Remediation remediation(ResultSet rs, int row) throws SQLException {
		String route = rs.getString("route");
		Object approval = rs.getObject("approval_required");
		return new Remediation(rs.getObject("id", UUID.class), rs.getString("fingerprint"),
				RemediationPhase.valueOf(rs.getString("phase")),
				this.json.readValue(rs.getString("signal"), Signal.class),
				new ResourceRef(rs.getString("target_kind"), rs.getString("target_namespace"),
						rs.getString("target_name")),
				(route != null) ? this.json.readValue(route, RemediationRoute.class) : null,
				this.json.readValue(rs.getString("custom_labels"), CUSTOM_LABELS),
				this.json.readValue(rs.getString("detected_labels"), MAP), rs.getString("action_type"),
				rs.getString("workflow_id"), rs.getString("workflow_name"), rs.getObject("execution_id", UUID.class),
				(approval != null) ? (Boolean) approval : null, rs.getString("outcome"), rs.getString("failure_reason"),
				instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "completed_at"),
				rs.getLong("version"));
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
