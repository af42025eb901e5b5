-- Every signal the gateway was sent and what it did with it. A row is inserted as 'received' before the
-- gateway acts, then completed with the outcome; a row left at 'received' was interrupted (e.g. by a crash).
create table signal_log (
    id             bigint generated always as identity primary key,
    received_at    timestamptz not null,
    source         text        not null,
    alert_name     text        not null,
    severity       text        not null,
    namespace      text,
    cluster        text,
    starts_at      timestamptz,
    labels         jsonb       not null,
    annotations    jsonb       not null,
    outcome        text        not null,
    reason         text,
    fingerprint    text,
    target_kind    text,
    target_name    text,
    remediation_id uuid,
    detail         text,
    completed_at   timestamptz,
    constraint signal_log_outcome_check
        check (outcome in ('received', 'created', 'rejected', 'ignored', 'failed'))
);

create index signal_log_received_at_idx on signal_log (received_at desc);
create index signal_log_fingerprint_idx on signal_log (fingerprint, received_at desc) where fingerprint is not null;
create index signal_log_remediation_id_idx on signal_log (remediation_id) where remediation_id is not null;
