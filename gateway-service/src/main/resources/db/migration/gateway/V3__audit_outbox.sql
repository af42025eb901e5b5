-- Audit events waiting to be forwarded to data-storage (see ai.kubernaut.support.audit.AuditTrail).
create table audit_outbox (
    id bigserial primary key,
    event jsonb not null,
    created_at timestamptz not null default now(),
    attempts int not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error text
);
create index audit_outbox_due on audit_outbox (next_attempt_at);
