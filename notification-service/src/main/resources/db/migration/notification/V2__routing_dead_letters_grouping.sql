-- Routing hints, rich content and grouping on the notification; deliveries per receiver and channel; dead letters.
alter table notification
    add column priority    text,
    add column namespace   text,
    add column environment text,
    add column labels      jsonb   not null default '{}'::jsonb,
    add column graph       text,
    add column actions     jsonb   not null default '[]'::jsonb,
    add column group_key   text,
    -- How many accepted notifications this message stands for; grows while a grouped message waits.
    add column occurrences integer not null default 1 check (occurrences >= 1);

-- Grouping looks up the latest notification of a group.
create index notification_group on notification (group_key, type, created_at desc) where group_key is not null;

-- Deliveries made before routing existed went to the implicit receiver "default".
alter table delivery add column receiver text not null default 'default';
alter table delivery alter column receiver drop default;
alter table delivery drop constraint delivery_pkey;
alter table delivery add primary key (notification_id, receiver, channel);

alter table delivery drop constraint delivery_status_check;
alter table delivery add constraint delivery_status_check
    check (status in ('PENDING', 'DELIVERED', 'FAILED', 'DEAD_LETTER'));

alter table delivery add column last_attempt_at timestamptz;

-- The status filter of the list endpoint and the dead-letter gauge.
create index delivery_status on delivery (status, notification_id) where status <> 'DELIVERED';

-- Every attempt, for operators ("why did this take four tries?") and for tests of the retry schedule.
create table delivery_attempt (
    id              bigint generated always as identity primary key,
    notification_id uuid        not null references notification (id) on delete cascade,
    receiver        text        not null,
    channel         text        not null,
    attempt         integer     not null,
    attempted_at    timestamptz not null,
    outcome         text        not null check (outcome in ('DELIVERED', 'RETRY', 'FAILED', 'DEAD_LETTER')),
    error           text,
    -- The wait scheduled before the next attempt, after a retryable failure.
    retry_delay_ms  bigint
);

create index delivery_attempt_of on delivery_attempt (notification_id, receiver, channel, id);
