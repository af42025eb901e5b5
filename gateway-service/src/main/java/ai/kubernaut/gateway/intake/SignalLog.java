package ai.kubernaut.gateway.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import ai.kubernaut.contracts.remediation.RemediationRoute;
import ai.kubernaut.gateway.signal.NormalizedSignal;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The gateway's own record of every signal it was sent and what it did with it, in table
 * {@code signal_log}. A row is written as {@code received} before anything is acted on,
 * then completed with the outcome, so a signal interrupted by a crash still shows up.
 */
class SignalLog {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	SignalLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
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
			default -> null;
		};
		RemediationRoute route = (outcome instanceof SignalOutcome.Created created) ? created.route() : null;
		this.jdbc.sql("""
				update signal_log
				   set outcome = :outcome, reason = :reason, fingerprint = :fingerprint, target_kind = :targetKind,
				       target_name = :targetName, remediation_id = :remediationId, detail = :detail,
				       completed_at = :completedAt, route_action_type = :routeActionType, route_rule = :routeRule
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
			.param("id", id)
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
