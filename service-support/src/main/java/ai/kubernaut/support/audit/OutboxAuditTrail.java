package ai.kubernaut.support.audit;

import ai.kubernaut.contracts.audit.AuditEvent;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stores audit events in the service's own {@code audit_outbox}, in the caller's
 * transaction; the {@link AuditForwarder} sends them on.
 */
public class OutboxAuditTrail implements AuditTrail {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public OutboxAuditTrail(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public void record(AuditEvent event) {
		this.jdbc.sql("insert into audit_outbox (event) values (cast(:event as jsonb))")
			.param("event", this.json.writeValueAsString(event))
			.update();
	}

}
