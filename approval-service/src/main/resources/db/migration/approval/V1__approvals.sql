-- One row per approval request. The row is the lock: a decision is a single conditional UPDATE from PENDING, so
-- exactly one decision wins however many approvers click at once.
create table approval_request (
    id               uuid        primary key,
    remediation_id   uuid        not null,
    steps            jsonb       not null,
    target_kind      text        not null,
    target_namespace text        not null default '',
    target_name      text        not null,
    action_type      text        not null,
    workflow_id      text        not null,
    parameters       jsonb       not null default '{}'::jsonb,
    reason           text,
    state            text        not null default 'PENDING'
        check (state in ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED')),
    decided_by       text,
    comment          text,
    created_at       timestamptz not null,
    expires_at       timestamptz not null,
    decided_at       timestamptz,
    check (expires_at > created_at),
    -- A final state always says who and when; a pending one never does.
    check ((state = 'PENDING') = (decided_at is null)),
    check ((state = 'PENDING') = (decided_by is null))
);

create index approval_request_remediation on approval_request (remediation_id);

-- The expiry sweep reads only pending rows, oldest deadline first.
create index approval_request_pending_expiry on approval_request (expires_at) where state = 'PENDING';
