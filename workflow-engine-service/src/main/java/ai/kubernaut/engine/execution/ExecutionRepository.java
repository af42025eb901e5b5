package ai.kubernaut.engine.execution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ai.kubernaut.dag.workflow.StepPhase;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plain SQL over the {@code workflow_execution*} tables. Callers own the transactions.
 */
class ExecutionRepository {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ExecutionRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(ExecutionRow execution, List<StepRow> steps) {
		this.jdbc
			.sql("""
					insert into workflow_execution (id, name, phase, definition, parameters, target, dry_run, created_at,
					    started_at, updated_at, due_at)
					values (:id, :name, :phase, cast(:definition as jsonb), cast(:parameters as jsonb), cast(:target as jsonb),
					    :dryRun, :createdAt, :createdAt, :createdAt, :createdAt)
					""")
			.param("id", execution.id())
			.param("name", execution.name())
			.param("phase", execution.phase().name())
			.param("definition", this.json.writeValueAsString(execution.definition()))
			.param("parameters", this.json.writeValueAsString(execution.parameters()))
			.param("target", this.json.writeValueAsString(execution.target()))
			.param("dryRun", execution.dryRun())
			.param("createdAt", ts(execution.createdAt()))
			.update();
		for (StepRow step : steps) {
			this.jdbc.sql("""
					insert into workflow_execution_step (execution_id, step_id, position, action, phase)
					values (:id, :stepId, :position, :action, :phase)
					""")
				.param("id", execution.id())
				.param("stepId", step.stepId())
				.param("position", step.position())
				.param("action", step.action())
				.param("phase", step.phase().name())
				.update();
		}
	}

	void approvalRequested(UUID id, String stepId, UUID approvalId) {
		this.jdbc
			.sql("update workflow_execution_step set approval_id = :approvalId where execution_id = :id "
					+ "and step_id = :stepId")
			.param("id", id)
			.param("stepId", stepId)
			.param("approvalId", approvalId)
			.update();
	}

	/**
	 * Steps waiting for approval without a recorded request id, last asked for before
	 * {@code before}.
	 */
	List<String> stepsAwaitingApprovalRequest(UUID id, Instant before) {
		return this.jdbc.sql("""
				select s.step_id from workflow_execution_step s
				where s.execution_id = :id and s.phase = 'WAITING_APPROVAL' and s.approval_id is null
				  and not exists (select 1 from workflow_execution_event e
				                  where e.execution_id = s.execution_id and e.step_id = s.step_id
				                    and e.phase in ('waiting-approval', 'approval-requested') and e.at >= :before)
				""").param("id", id).param("before", ts(before)).query(String.class).list();
	}

	/**
	 * The approval requests of steps still waiting for a decision.
	 */
	List<UUID> pendingApprovals(UUID id) {
		return this.jdbc
			.sql("select approval_id from workflow_execution_step where execution_id = :id "
					+ "and phase = 'WAITING_APPROVAL' and approval_id is not null")
			.param("id", id)
			.query(UUID.class)
			.list();
	}

	/**
	 * Where an execution comes from, when a remediation started it.
	 */
	void origin(UUID id, ExecutionOrigin origin) {
		this.jdbc.sql("""
				update workflow_execution set workflow_id = :workflowId, remediation_id = :remediationId,
				    action_type = :actionType
				where id = :id
				""")
			.param("id", id)
			.param("workflowId", origin.workflowId())
			.param("remediationId", origin.remediationId())
			.param("actionType", origin.actionType())
			.update();
	}

	ExecutionOrigin origin(UUID id) {
		return this.jdbc.sql("select workflow_id, remediation_id, action_type from workflow_execution where id = :id")
			.param("id", id)
			.query((rs, row) -> new ExecutionOrigin(rs.getString("workflow_id"),
					rs.getObject("remediation_id", UUID.class), rs.getString("action_type")))
			.optional()
			.orElse(ExecutionOrigin.NONE);
	}

	String workflowId(UUID id) {
		return this.jdbc.sql("select workflow_id from workflow_execution where id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	Optional<ExecutionRow> find(UUID id) {
		return this.jdbc.sql("select * from workflow_execution where id = :id")
			.param("id", id)
			.query(this::execution)
			.optional();
	}

	/**
	 * The execution, locked for this transaction, if {@code owner} holds its lease.
	 */
	Optional<ExecutionRow> lockOwned(UUID id, String owner) {
		return this.jdbc.sql("select * from workflow_execution where id = :id and lease_owner = :owner for update")
			.param("id", id)
			.param("owner", owner)
			.query(this::execution)
			.optional();
	}

	/**
	 * The execution, locked for this transaction, whoever holds the lease.
	 */
	Optional<ExecutionRow> lock(UUID id) {
		return this.jdbc.sql("select * from workflow_execution where id = :id for update")
			.param("id", id)
			.query(this::execution)
			.optional();
	}

	List<StepRow> steps(UUID id) {
		return this.jdbc.sql("select * from workflow_execution_step where execution_id = :id order by position")
			.param("id", id)
			.query(this::step)
			.list();
	}

	/**
	 * Claims up to {@code limit} due executions whose lease is free, expired or already
	 * ours (a timeout or retry falling due while our steps run), plus every execution
	 * whose holder let its lease expire. Rows another replica is claiming at this moment
	 * are skipped, never waited for.
	 */
	List<UUID> claimDue(String owner, Instant now, Duration lease, int limit) {
		return this.jdbc.sql("""
				update workflow_execution set lease_owner = :owner, lease_expires_at = :until
				where id in (
				    select id from workflow_execution
				    where phase in ('Pending', 'Running', 'WaitingForApproval')
				      and ((due_at <= :now and (lease_owner is null or lease_owner = :owner or lease_expires_at < :now))
				        -- A replica that stopped heartbeating: take its work whatever is due.
				        or (lease_owner <> :owner and lease_expires_at < :now))
				    order by due_at
				    limit :limit
				    for update skip locked)
				returning id
				""")
			.param("owner", owner)
			.param("until", ts(now.plus(lease)))
			.param("now", ts(now))
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	/**
	 * Claims one execution if its lease is free, expired or already ours.
	 */
	boolean claim(UUID id, String owner, Instant now, Duration lease) {
		return this.jdbc.sql("""
				update workflow_execution set lease_owner = :owner, lease_expires_at = :until
				where id = :id and (lease_owner is null or lease_owner = :owner or lease_expires_at < :now)
				""")
			.param("id", id)
			.param("owner", owner)
			.param("until", ts(now.plus(lease)))
			.param("now", ts(now))
			.update() == 1;
	}

	boolean storePrepared(UUID id, String stepId, UUID attemptId, Map<String, Object> prepared) {
		return this.jdbc.sql("""
				update workflow_execution_step set prepared = cast(:prepared as jsonb)
				where execution_id = :id and step_id = :stepId and attempt_id = :attemptId and phase = 'RUNNING'
				""")
			.param("id", id)
			.param("stepId", stepId)
			.param("attemptId", attemptId)
			.param("prepared", this.json.writeValueAsString(prepared))
			.update() == 1;
	}

	boolean recordRollback(UUID id, String stepId, StepPhase phase, String error, Instant now) {
		return this.jdbc.sql("""
				update workflow_execution_step set phase = :phase, error = :error, finished_at = :now
				where execution_id = :id and step_id = :stepId and phase = 'COMPLETED'
				""")
			.param("id", id)
			.param("stepId", stepId)
			.param("phase", phase.name())
			.param("error", error)
			.param("now", ts(now))
			.update() == 1;
	}

	int renewLeases(String owner, List<UUID> ids, Instant until) {
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc
			.sql("update workflow_execution set lease_expires_at = :until where lease_owner = :owner and id in (:ids)")
			.param("until", ts(until))
			.param("owner", owner)
			.param("ids", ids)
			.update();
	}

	/**
	 * Gives the lease up. A step still recorded as running (its launch was lost, e.g. to
	 * a shutdown between commit and launch) makes the execution due at once, so any
	 * replica re-drives it instead of nobody.
	 */
	void release(UUID id, String owner, Instant now) {
		this.jdbc.sql("""
				update workflow_execution set lease_owner = null, lease_expires_at = null,
				    due_at = case when exists (select 1 from workflow_execution_step s
				                               where s.execution_id = workflow_execution.id and s.phase = 'RUNNING')
				                  then coalesce(due_at, :now) else due_at end
				where id = :id and lease_owner = :owner
				""").param("id", id).param("owner", owner).param("now", ts(now)).update();
	}

	void updateExecution(UUID id, ExecutionPhase phase, String reason, Instant dueAt, Instant now) {
		this.jdbc.sql("""
				update workflow_execution set phase = :phase, reason = :reason, due_at = :dueAt, updated_at = :now,
				    completed_at = :completedAt
				where id = :id
				""")
			.param("id", id)
			.param("phase", phase.name())
			.param("reason", reason)
			.param("dueAt", ts(dueAt))
			.param("now", ts(now))
			.param("completedAt", phase.isTerminal() ? ts(now) : null)
			.update();
	}

	void restart(UUID id, Instant now) {
		this.jdbc.sql("""
				update workflow_execution set phase = 'Running', reason = null, started_at = :now, due_at = :now,
				    updated_at = :now, completed_at = null
				where id = :id
				""").param("id", id).param("now", ts(now)).update();
	}

	void markDue(UUID id, Instant now) {
		this.jdbc.sql("update workflow_execution set due_at = :now, updated_at = :now where id = :id")
			.param("id", id)
			.param("now", ts(now))
			.update();
	}

	void updateStep(UUID id, StepRow step) {
		this.jdbc.sql("""
				update workflow_execution_step set phase = :phase, attempts = :attempts, attempt_id = :attemptId,
				    prepared = cast(:prepared as jsonb), approved = :approved, started_at = :startedAt,
				    finished_at = :finishedAt, not_before = :notBefore, output = cast(:output as jsonb), error = :error
				where execution_id = :id and step_id = :stepId
				""")
			.param("id", id)
			.param("stepId", step.stepId())
			.param("phase", step.phase().name())
			.param("attempts", step.attempts())
			.param("attemptId", step.attemptId())
			.param("prepared", (step.prepared() != null) ? this.json.writeValueAsString(step.prepared()) : null)
			.param("approved", step.approved())
			.param("startedAt", ts(step.startedAt()))
			.param("finishedAt", ts(step.finishedAt()))
			.param("notBefore", ts(step.notBefore()))
			.param("output", this.json.writeValueAsString(step.output()))
			.param("error", step.error())
			.update();
	}

	/**
	 * Records how attempt {@code attemptId} ended, only if it is still the step's
	 * current, running attempt: a late result of a superseded or cancelled attempt is
	 * dropped.
	 */
	boolean recordResult(UUID id, String stepId, UUID attemptId, StepPhase phase, Map<String, Object> output,
			String error, Instant now) {
		return this.jdbc.sql("""
				update workflow_execution_step set phase = :phase, output = cast(:output as jsonb), error = :error,
				    finished_at = :now
				where execution_id = :id and step_id = :stepId and attempt_id = :attemptId and phase = :expected
				""")
			.param("id", id)
			.param("stepId", stepId)
			.param("attemptId", attemptId)
			.param("phase", phase.name())
			.param("expected",
					(phase == StepPhase.ROLLED_BACK || phase == StepPhase.ROLLBACK_FAILED) ? StepPhase.COMPLETED.name()
							: StepPhase.RUNNING.name())
			.param("output", this.json.writeValueAsString(output))
			.param("error", error)
			.param("now", ts(now))
			.update() == 1;
	}

	void heartbeat(UUID id, List<String> stepIds, Instant now) {
		if (stepIds.isEmpty()) {
			return;
		}
		this.jdbc
			.sql("update workflow_execution_step set heartbeat_at = :now "
					+ "where execution_id = :id and step_id in (:steps)")
			.param("now", ts(now))
			.param("id", id)
			.param("steps", stepIds)
			.update();
	}

	void event(UUID id, String stepId, String phase, String message, Instant at) {
		this.jdbc.sql("""
				insert into workflow_execution_event (execution_id, step_id, phase, message, at)
				values (:id, :stepId, :phase, :message, :at)
				""")
			.param("id", id)
			.param("stepId", stepId)
			.param("phase", phase)
			.param("message", message)
			.param("at", ts(at))
			.update();
	}

	List<ExecutionEvent> events(UUID id, long afterId) {
		return this.jdbc
			.sql("select * from workflow_execution_event where execution_id = :id and id > :after order by id")
			.param("id", id)
			.param("after", afterId)
			.query((rs, n) -> new ExecutionEvent(rs.getLong("id"), rs.getString("step_id"), rs.getString("phase"),
					rs.getString("message"), instant(rs, "at")))
			.list();
	}

	private ExecutionRow execution(ResultSet rs, int row) throws SQLException {
		return new ExecutionRow(rs.getObject("id", UUID.class), rs.getString("name"),
				ExecutionPhase.valueOf(rs.getString("phase")), map(rs.getString("definition")),
				map(rs.getString("parameters")), map(rs.getString("target")), rs.getBoolean("dry_run"),
				rs.getString("reason"), instant(rs, "created_at"), instant(rs, "started_at"),
				instant(rs, "completed_at"), instant(rs, "due_at"), rs.getString("lease_owner"));
	}

	private StepRow step(ResultSet rs, int row) throws SQLException {
		String prepared = rs.getString("prepared");
		return new StepRow(rs.getString("step_id"), rs.getInt("position"), rs.getString("action"),
				StepPhase.valueOf(rs.getString("phase")), rs.getInt("attempts"), rs.getObject("attempt_id", UUID.class),
				(prepared != null) ? map(prepared) : null, rs.getBoolean("approved"), instant(rs, "started_at"),
				instant(rs, "finished_at"), instant(rs, "not_before"), map(rs.getString("output")),
				rs.getString("error"));
	}

	private Map<String, Object> map(String text) {
		return this.json.readValue(text, MAP);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private static Timestamp ts(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
