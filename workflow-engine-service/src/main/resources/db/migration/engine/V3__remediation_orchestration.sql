-- Remediations now run as durable workflow executions, behind Kubernaut's safety rules.
alter table remediation drop constraint remediation_phase_known;
alter table remediation alter column phase type varchar(24);
alter table remediation add constraint remediation_phase_known
    check (phase in ('PENDING', 'EXECUTING', 'AWAITING_APPROVAL', 'COMPLETED', 'FAILED', 'SKIPPED', 'CANCELLED'));
alter table remediation drop constraint remediation_completed_when_terminal;
alter table remediation add constraint remediation_completed_when_terminal
    check ((phase in ('COMPLETED', 'FAILED', 'SKIPPED', 'CANCELLED')) = (completed_at is not null));

alter table remediation
    add column route            jsonb,
    add column custom_labels    jsonb not null default '{}'::jsonb,
    add column detected_labels  jsonb not null default '{}'::jsonb,
    -- Kubernaut's outcome (Remediated, NoActionRequired, ManualReviewRequired, ResourceBusy, ...).
    add column outcome          varchar(40),
    add column execution_id     uuid,
    add column approval_required boolean,
    -- "ns/Kind/name" or "Kind/name": the key of the per-target safety rules.
    add column target_key       varchar(600);
update remediation
set target_key = case when target_namespace = '' then target_kind || '/' || target_name
                      else target_namespace || '/' || target_kind || '/' || target_name end;
alter table remediation alter column target_key set not null;

drop index remediation_unfinished_idx;
create index remediation_unfinished_idx on remediation (updated_at)
    where phase in ('PENDING', 'EXECUTING', 'AWAITING_APPROVAL');
-- RecentlyRemediated: the last successful run of a workflow on a target.
create index remediation_cooldown_idx on remediation (target_key, workflow_id, completed_at desc)
    where phase = 'COMPLETED';
create unique index remediation_execution_idx on remediation (execution_id) where execution_id is not null;

-- Steps are the workflow execution's now (workflow_execution_step).
drop table remediation_step;

-- One active remediation per target. The row is the lock: inserting it is atomic across engine replicas, and it is
-- deleted in the transaction that ends the remediation.
create table remediation_target_lock (
    target_key     varchar(600) primary key,
    remediation_id uuid         not null references remediation (id) on delete cascade,
    acquired_at    timestamptz  not null
);

-- Failure history per target, for the backoff and the consecutive-failure block.
create table remediation_target_state (
    target_key           varchar(600) primary key,
    consecutive_failures int          not null default 0,
    last_failure_at      timestamptz,
    next_allowed_at      timestamptz,
    blocked_until        timestamptz
);

-- What an execution runs for: the catalog workflow, and the remediation and action type that started it.
alter table workflow_execution
    add column workflow_id    varchar(255),
    add column remediation_id uuid,
    add column action_type    varchar(128);
-- The approval request of a waiting step, so a cancelled run can withdraw it.
alter table workflow_execution_step add column approval_id uuid;

create table audit_outbox (
    id              bigserial primary key,
    event           jsonb       not null,
    created_at      timestamptz not null default now(),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text
);
create index audit_outbox_due on audit_outbox (next_attempt_at);
