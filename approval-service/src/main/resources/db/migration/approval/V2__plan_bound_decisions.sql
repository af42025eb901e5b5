-- Plan-bound requests: the facts an approver sees, and the hash a decision is bound to.
alter table approval_request
    add column execution_id            uuid,
    add column target_resource_version text,
    add column workflow_version        text,
    add column graph                   text,
    add column diff                    text,
    add column risk                    text,
    add column required_approvals      int  not null default 1 check (required_approvals in (1, 2)),
    add column approver_group          text,
    add column callback_url            text,
    add column plan_hash               text not null default '',
    add column decided_via             text;

alter table approval_request drop constraint approval_request_state_check;
alter table approval_request add constraint approval_request_state_check
    check (state in ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED', 'SUPERSEDED'));

create index approval_request_namespace_created on approval_request (target_namespace, created_at);
create index approval_request_state_created on approval_request (state, created_at);

-- One row per person who decided on a request, whatever the channel (API, link, Slack). The primary key is the
-- two-person rule: the same identity cannot count twice, and a one-click link is spent once its approver decided.
create table approval_vote (
    approval_id uuid        not null references approval_request (id),
    approver    text        not null,
    decision    text        not null check (decision in ('APPROVE', 'REJECT')),
    via         text        not null,
    voted_at    timestamptz not null,
    primary key (approval_id, approver)
);

-- The engine learns every final state through this outbox: the row is written in the transaction that decides,
-- and a dispatcher POSTs it until the receiver answers 2xx, across restarts. One row per request.
create table callback_outbox (
    id              bigserial   primary key,
    approval_id     uuid        not null unique references approval_request (id),
    url             text        not null,
    payload         jsonb       not null,
    created_at      timestamptz not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    delivered_at    timestamptz
);

create index callback_outbox_due on callback_outbox (next_attempt_at) where delivered_at is null;

-- The audit outbox of ai.kubernaut.support.audit.AuditTrail.
create table audit_outbox (
    id bigserial primary key,
    event jsonb not null,
    created_at timestamptz not null default now(),
    attempts int not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error text
);
create index audit_outbox_due on audit_outbox (next_attempt_at);
