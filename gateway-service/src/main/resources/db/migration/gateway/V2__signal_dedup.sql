-- One row per fingerprint: the remediation currently standing for that workload and how often it was signalled.
-- The primary key plus a row lock (select ... for update) is what decides, across every gateway replica, whether
-- an alert starts a remediation or is a duplicate of the one in progress.
create table signal_dedup (
    fingerprint       text        primary key,
    remediation_id    uuid,
    occurrence_count  bigint      not null default 0,
    first_seen_at     timestamptz not null,
    last_seen_at      timestamptz not null,
    -- Set once the engine reports the remediation terminal; a terminal remediation no longer absorbs alerts.
    terminal          boolean     not null default false,
    phase_checked_at  timestamptz,
    resolved_at       timestamptz
);

alter table signal_log drop constraint signal_log_outcome_check;
alter table signal_log add constraint signal_log_outcome_check
    check (outcome in ('received', 'created', 'duplicate', 'rejected', 'ignored', 'failed'));
alter table signal_log add column route_action_type text;
alter table signal_log add column route_rule text;
