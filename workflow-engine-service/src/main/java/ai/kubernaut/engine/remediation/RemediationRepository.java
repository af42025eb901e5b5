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
import ai.kubernaut.contracts.remediation.RemediationView;
import ai.kubernaut.contracts.remediation.StepPhase;
import ai.kubernaut.contracts.remediation.StepView;
import ai.kubernaut.contracts.signal.ResourceRef;
import ai.kubernaut.contracts.signal.Signal;
import ai.kubernaut.dag.StepEvent;
import ai.kubernaut.dag.StepSpec;
import ai.kubernaut.dag.StepStatus;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Remediations and their steps in the {@code engine} schema. Every update of a
 * remediation is conditional on the version it was read with.
 */
class RemediationRepository {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final TransactionOperations transactions;

	RemediationRepository(JdbcClient jdbc, JsonMapper json, TransactionOperations transactions) {
		this.jdbc = jdbc;
		this.json = json;
		this.transactions = transactions;
	}

	void insert(Remediation remediation) {
		this.jdbc.sql("""
				insert into remediation (id, fingerprint, phase, signal, target_kind, target_namespace, target_name,
				    created_at, updated_at, version)
				values (:id, :fingerprint, :phase, cast(:signal as jsonb), :kind, :namespace, :name,
				    :createdAt, :updatedAt, :version)
				""")
			.param("id", remediation.id())
			.param("fingerprint", remediation.fingerprint())
			.param("phase", remediation.phase().name())
			.param("signal", this.json.writeValueAsString(remediation.signal()))
			.param("kind", remediation.target().kind())
			.param("namespace", remediation.target().namespace())
			.param("name", remediation.target().name())
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
	 * Writes the remediation's phase and findings.
	 * @return the remediation with its new version
	 * @throws ConcurrentRemediationUpdateException if it changed since it was read
	 */
	Remediation update(Remediation remediation) {
		int updated = this.jdbc.sql("""
				update remediation
				set phase = :phase, action_type = :actionType, workflow_id = :workflowId, workflow_name = :workflowName,
				    failure_reason = :failureReason, updated_at = :updatedAt, completed_at = :completedAt,
				    version = version + 1
				where id = :id and version = :version
				""")
			.param("phase", remediation.phase().name())
			.param("actionType", remediation.actionType())
			.param("workflowId", remediation.workflowId())
			.param("workflowName", remediation.workflowName())
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
	 * Moves the remediation to {@code EXECUTING} and records its planned steps as
	 * {@code PENDING}, atomically, so a reader never sees an executing remediation
	 * without its plan.
	 * @param steps in the order they should be listed
	 */
	Remediation startExecution(Remediation executing, List<StepSpec> steps) {
		return this.transactions.execute((status) -> {
			Remediation updated = update(executing);
			for (int i = 0; i < steps.size(); i++) {
				StepSpec step = steps.get(i);
				this.jdbc.sql("""
						insert into remediation_step (remediation_id, step_id, position, action, phase, parameters)
						values (:id, :stepId, :position, :action, 'PENDING', cast(:parameters as jsonb))
						""")
					.param("id", executing.id())
					.param("stepId", step.id())
					.param("position", i)
					.param("action", step.action())
					.param("parameters", this.json.writeValueAsString(step.parameters()))
					.update();
			}
			return updated;
		});
	}

	/**
	 * Records one step transition.
	 */
	void recordStep(UUID remediationId, StepEvent event, Instant now) {
		String sql = switch (event.status()) {
			case RUNNING -> "update remediation_step set phase = 'RUNNING', started_at = :now";
			case SUCCEEDED ->
				"update remediation_step set phase = 'SUCCEEDED', output = cast(:output as jsonb), finished_at = :now";
			case FAILED -> "update remediation_step set phase = 'FAILED', error = :error, finished_at = :now";
			case SKIPPED -> "update remediation_step set phase = 'SKIPPED', finished_at = :now";
			case PENDING -> throw new IllegalArgumentException("A step never moves back to PENDING");
		};
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql + " where remediation_id = :id and step_id = :stepId")
			.param("id", remediationId)
			.param("stepId", event.stepId())
			.param("now", timestamp(now));
		if (event.status() == StepStatus.SUCCEEDED) {
			statement = statement.param("output", this.json.writeValueAsString(event.output()));
		}
		if (event.status() == StepStatus.FAILED) {
			statement = statement.param("error", event.message());
		}
		if (statement.update() == 0) {
			throw new IllegalStateException(
					"Remediation " + remediationId + " has no step " + event.stepId() + " to record " + event.status());
		}
	}

	Optional<RemediationView> findView(UUID remediationId) {
		return find(remediationId).map((remediation) -> remediation.toView(steps(remediationId)));
	}

	private List<StepView> steps(UUID remediationId) {
		return this.jdbc.sql("select * from remediation_step where remediation_id = :id order by position")
			.param("id", remediationId)
			.query((rs, row) -> new StepView(rs.getString("step_id"), rs.getString("action"),
					StepPhase.valueOf(rs.getString("phase")), map(rs.getString("parameters")),
					map(rs.getString("output")), rs.getString("error"), instant(rs, "started_at"),
					instant(rs, "finished_at")))
			.list();
	}

	private Remediation remediation(ResultSet rs, int row) throws SQLException {
		return new Remediation(rs.getObject("id", UUID.class), rs.getString("fingerprint"),
				RemediationPhase.valueOf(rs.getString("phase")),
				this.json.readValue(rs.getString("signal"), Signal.class),
				new ResourceRef(rs.getString("target_kind"), rs.getString("target_namespace"),
						rs.getString("target_name")),
				rs.getString("action_type"), rs.getString("workflow_id"), rs.getString("workflow_name"),
				rs.getString("failure_reason"), instant(rs, "created_at"), instant(rs, "updated_at"),
				instant(rs, "completed_at"), rs.getLong("version"));
	}

	private Map<String, Object> map(String jsonb) {
		return (jsonb != null) ? this.json.readValue(jsonb, MAP) : null;
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
