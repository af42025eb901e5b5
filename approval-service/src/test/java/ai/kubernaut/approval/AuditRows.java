package ai.kubernaut.approval;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the audit events the service left in its {@code audit_outbox} (tests do not
 * forward them).
 */
public final class AuditRows {

	private final JdbcClient jdbc;

	public AuditRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The event types recorded about one approval, oldest first.
	 */
	public List<String> typesFor(UUID approvalId) {
		return this.jdbc
			.sql("select event->>'event_type' from audit_outbox where event->>'resource_id' = :id order by id")
			.param("id", approvalId.toString())
			.query(String.class)
			.list();
	}

	/**
	 * The actor of the latest event of {@code type} about one approval.
	 */
	public String actorOf(UUID approvalId, String type) {
		return this.jdbc.sql("""
				select event->>'actor_id' from audit_outbox
				where event->>'resource_id' = :id and event->>'event_type' = :type
				order by id desc limit 1""")
			.param("id", approvalId.toString())
			.param("type", type)
			.query(String.class)
			.single();
	}

}
