-- One row per remediation, written before anything touches the cluster, so a restart never loses one.
create table remediation (
    id               uuid primary key,
    fingerprint      varchar(128) not null,
    phase            varchar(16)  not null
        constraint remediation_phase_known check (phase in ('PENDING', 'EXECUTING', 'COMPLETED', 'FAILED')),
    signal           jsonb        not null,
    target_kind      varchar(63)  not null,
    target_namespace varchar(253) not null default '',
    target_name      varchar(253) not null,
    action_type      varchar(128),
    workflow_id      varchar(64),
    workflow_name    varchar(253),
    failure_reason   text,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    completed_at     timestamptz,
    -- Optimistic locking: every update must name the version it read, so two engines never both move a remediation.
    version          bigint       not null default 0,
    constraint remediation_completed_when_terminal
        check ((phase in ('COMPLETED', 'FAILED')) = (completed_at is not null))
);

create index remediation_fingerprint_idx on remediation (fingerprint, created_at desc);
-- Small partial index for the sweeps that pick up unfinished work after a restart.
create index remediation_unfinished_idx on remediation (updated_at) where phase in ('PENDING', 'EXECUTING');

create table remediation_step (
    remediation_id uuid         not null references remediation (id) on delete cascade,
    step_id        varchar(128) not null,
    -- Position in the workflow's topological order, so views list steps as they run.
    position       int          not null,
    action         varchar(128) not null,
    phase          varchar(16)  not null
        constraint remediation_step_phase_known check (phase in ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'SKIPPED')),
    parameters     jsonb        not null default '{}'::jsonb,
    output         jsonb,
    error          text,
    started_at     timestamptz,
    finished_at    timestamptz,
    primary key (remediation_id, step_id)
);
