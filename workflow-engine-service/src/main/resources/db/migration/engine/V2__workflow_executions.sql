-- Durable workflow executions. Every transition is committed here before its side effect starts; any engine
-- replica may drive any execution once it holds the lease.
create table workflow_execution (
    id               uuid primary key,
    name             varchar(253) not null,
    phase            varchar(24)  not null
        constraint workflow_execution_phase_known check (phase in ('Pending', 'Running', 'Paused', 'WaitingForApproval',
                                                                   'Completed', 'Failed', 'Cancelled', 'TimedOut')),
    -- The definition as submitted (any supported shape); re-read and re-validated when loaded.
    definition       jsonb        not null,
    parameters       jsonb        not null,
    target           jsonb        not null,
    dry_run          boolean      not null,
    reason           text,
    created_at       timestamptz  not null,
    -- Start of the current run; the workflow timeout counts from here (a retry starts a new run).
    started_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    completed_at     timestamptz,
    -- When the next decision is due; null while only an outside event (approval, resume) can move it.
    due_at           timestamptz,
    lease_owner      varchar(128),
    lease_expires_at timestamptz
);

-- The claim query: due, unleased (or lease expired) work, oldest first.
create index workflow_execution_due_idx on workflow_execution (due_at)
    where phase in ('Pending', 'Running', 'WaitingForApproval');

create table workflow_execution_step (
    execution_id uuid         not null references workflow_execution (id) on delete cascade,
    step_id      varchar(128) not null,
    position     int          not null,
    action       varchar(128) not null,
    phase        varchar(24)  not null
        constraint workflow_execution_step_phase_known check (phase in ('PENDING', 'RUNNING', 'WAITING_APPROVAL',
            'COMPLETED', 'FAILED', 'SKIPPED', 'CANCELLED', 'ROLLED_BACK', 'ROLLBACK_FAILED')),
    attempts     int          not null default 0,
    -- Identity of the current attempt, written before its side effect: a result is recorded only for the attempt that
    -- is still current, and a re-drive after a crash repeats the same attempt with the same prepared parameters.
    attempt_id   uuid,
    prepared     jsonb,
    approved     boolean      not null default false,
    started_at   timestamptz,
    finished_at  timestamptz,
    not_before   timestamptz,
    heartbeat_at timestamptz,
    output       jsonb        not null default '{}'::jsonb,
    error        text,
    primary key (execution_id, step_id)
);

-- Step transitions in commit order, for the event stream and the history of a run.
create table workflow_execution_event (
    id           bigserial primary key,
    execution_id uuid         not null references workflow_execution (id) on delete cascade,
    step_id      varchar(128),
    phase        varchar(24)  not null,
    message      text,
    at           timestamptz  not null
);

create index workflow_execution_event_execution_idx on workflow_execution_event (execution_id, id);
