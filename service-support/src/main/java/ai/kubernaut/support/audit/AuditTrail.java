package ai.kubernaut.support.audit;

import ai.kubernaut.contracts.audit.AuditEvent;

/**
 * Where a service records what it did, for data-storage's append-only audit trail.
 * <p>
 * Call it inside the transaction that makes the change the event describes: the default
 * implementation stores the event in the service's own {@code audit_outbox} table in that
 * transaction and forwards it to data-storage afterwards, retrying until data-storage has
 * it. So an event is never lost, and never recorded for a change that was rolled back.
 * Each service using it creates the table with its own Flyway migration:
 *
 * <pre>
 * create table audit_outbox (
 *     id bigserial primary key,
 *     event jsonb not null,
 *     created_at timestamptz not null default now(),
 *     attempts int not null default 0,
 *     next_attempt_at timestamptz not null default now(),
 *     last_error text
 * );
 * create index audit_outbox_due on audit_outbox (next_attempt_at);
 * </pre>
 */
public interface AuditTrail {

	void record(AuditEvent event);

}
