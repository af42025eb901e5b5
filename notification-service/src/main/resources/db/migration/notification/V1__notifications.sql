-- A transactional outbox: a notification and one delivery row per channel are committed together before the API
-- answers 202, and the delivery poller works the rows off afterwards. Nothing accepted is lost on restart.
create table notification (
    id             uuid        primary key,
    type           text        not null,
    severity       text        not null,
    subject        text        not null,
    body           text        not null,
    fields         jsonb       not null default '{}'::jsonb,
    remediation_id uuid,
    created_at     timestamptz not null
);

create index notification_remediation on notification (remediation_id) where remediation_id is not null;

create table delivery (
    notification_id uuid        not null references notification (id) on delete cascade,
    channel         text        not null,
    status          text        not null default 'PENDING'
        check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     not null default 0 check (attempts >= 0),
    last_error      text,
    -- When the poller may next pick the row up: the retry time, or the end of a claim's lease while a worker is
    -- sending. Only pending rows have one.
    next_attempt_at timestamptz,
    delivered_at    timestamptz,
    primary key (notification_id, channel),
    check ((status = 'PENDING') = (next_attempt_at is not null)),
    check ((status = 'DELIVERED') = (delivered_at is not null))
);

-- The poller's claim: due pending rows, earliest first.
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';
