package ai.kubernaut.gateway.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import ai.kubernaut.contracts.remediation.RemediationRoute;
import ai.kubernaut.gateway.signal.NormalizedSignal;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The gateway's own record of every signal it was sent and what it did with it, in table
 * {@code signal_log}. A row is written as {@code received} before anything is acted on,
 * then completed with the outcome, so a signal interrupted by a crash still shows up.
 * Duplicates answered from memory, which act on nothing, are written complete and in
 * batches instead ({@link #logLater}).
 */
class SignalLog {

	private static final String INSERT_COMPLETED = """
			insert into signal_log (received_at, source, alert_name, severity, namespace, cluster, starts_at, labels,
			                        annotations, outcome, reason, fingerprint, target_kind, target_name, remediation_id,
			                        completed_at)
			values (:receivedAt, :source, :alertName, :severity, :namespace, :cluster, :startsAt,
			        cast(:labels as jsonb), cast(:annotations as jsonb), :outcome, :reason, :fingerprint, :targetKind,
			        :targetName, :remediationId, :completedAt)
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final BlockingQueue<Pending> pending;

	SignalLog(JdbcClient jdbc, JsonMapper json, int maxPending) {
		this.jdbc = jdbc;
		this.json = json;
		this.pending = new ArrayBlockingQueue<>(maxPending);
	}

	/**
	 * Logs a duplicate answered from memory, already complete, in the next batch
	 * ({@link #writePending}). Nothing was acted on for it, so there is no "received" row
	 * to write first; a crash loses at most the batch not yet written. When the batch
	 * queue is full the row is written at once, so a storm slows the sender down rather
	 * than losing rows.
	 */
	void logLater(NormalizedSignal signal, SignalOutcome.Duplicate outcome, Instant receivedAt, Instant completedAt) {
		Pending row = new Pending(signal, outcome, receivedAt, completedAt);
		if (!this.pending.offer(row)) {
			this.jdbc.sql(INSERT_COMPLETED).paramSource(parameters(row)).update();
		}
	}

	/**
	 * Writes the rows waiting from {@link #logLater}, at most {@code max}, in one batch.
	 * @return the rows written
	 */
	int writePending(NamedParameterJdbcTemplate batch, int max) {
		List<Pending> rows = new ArrayList<>();
		this.pending.drainTo(rows, max);
		if (rows.isEmpty()) {
			return 0;
		}
		batch.batchUpdate(INSERT_COMPLETED, rows.stream().map(this::parameters).toArray(MapSqlParameterSource[]::new));
		return rows.size();
	}

	boolean hasPending() {
		return !this.pending.isEmpty();
	}

	private MapSqlParameterSource parameters(Pending row) {
		NormalizedSignal signal = row.signal();
		SignalOutcome.Duplicate outcome = row.outcome();
		return new MapSqlParameterSource().addValue("receivedAt", utc(row.receivedAt()))
			.addValue("source", signal.source())
			.addValue("alertName", signal.name())
			.addValue("severity", signal.severity())
			.addValue("namespace", signal.namespace())
			.addValue("cluster", signal.cluster())
			.addValue("startsAt", utc(signal.startsAt()))
			.addValue("labels", this.json.writeValueAsString(signal.labels()))
			.addValue("annotations", this.json.writeValueAsString(signal.annotations()))
			.addValue("outcome", outcome.status().code())
			.addValue("reason", outcome.reason())
			.addValue("fingerprint", outcome.fingerprint().value())
			.addValue("targetKind", outcome.target().kind())
			.addValue("targetName", outcome.target().name())
			.addValue("remediationId", outcome.remediationId())
			.addValue("completedAt", utc(row.completedAt()));
	}

	private record Pending(NormalizedSignal signal, SignalOutcome.Duplicate outcome, Instant receivedAt,
			Instant completedAt) {
	}

	long received(NormalizedSignal signal, Instant receivedAt) {
		return this.jdbc.sql("""
				insert into signal_log (received_at, source, alert_name, severity, namespace, cluster, starts_at,
				                        labels, annotations, outcome)
				values (:receivedAt, :source, :alertName, :severity, :namespace, :cluster, :startsAt,
				        cast(:labels as jsonb), cast(:annotations as jsonb), 'received')
				returning id
				""")
			.param("receivedAt", utc(receivedAt))
			.param("source", signal.source())
			.param("alertName", signal.name())
			.param("severity", signal.severity())
			.param("namespace", signal.namespace())
			.param("cluster", signal.cluster())
			.param("startsAt", utc(signal.startsAt()))
			.param("labels", this.json.writeValueAsString(signal.labels()))
			.param("annotations", this.json.writeValueAsString(signal.annotations()))
			.query(Long.class)
			.single();
	}

	void completed(long id, SignalOutcome outcome, Instant completedAt) {
		UUID remediationId = switch (outcome) {
			case SignalOutcome.Created created -> created.remediationId();
			case SignalOutcome.Duplicate duplicate -> duplicate.remediationId();
			case SignalOutcome.Resolved resolved -> resolved.remediationId();
			default -> null;
		};
		RemediationRoute route = (outcome instanceof SignalOutcome.Created created) ? created.route() : null;
		this.jdbc.sql("""
				update signal_log
				   set outcome = :outcome, reason = :reason, fingerprint = :fingerprint, target_kind = :targetKind,
				       target_name = :targetName, remediation_id = :remediationId, detail = :detail,
				       completed_at = :completedAt, route_action_type = :routeActionType, route_rule = :routeRule,
				       resolution = :resolution
				 where id = :id
				""")
			.param("outcome", outcome.status().code())
			.param("reason", outcome.reason())
			.param("fingerprint", (outcome.fingerprint() != null) ? outcome.fingerprint().value() : null)
			.param("targetKind", (outcome.target() != null) ? outcome.target().kind() : null)
			.param("targetName", (outcome.target() != null) ? outcome.target().name() : null)
			.param("remediationId", remediationId)
			.param("detail", outcome.detail())
			.param("completedAt", utc(completedAt))
			.param("routeActionType", (route != null) ? route.actionType() : null)
			.param("routeRule", (route != null) ? route.rule() : null)
			.param("resolution",
					(outcome instanceof SignalOutcome.Resolved resolved) ? resolved.resolution().code() : null)
			.param("id", id)
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
