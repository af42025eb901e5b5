-- A resolved alert cancels the remediation standing for its fingerprint. When the engine cannot be reached the
-- cancellation is kept here and retried (CancellationRetrier), so the webhook never fails on it and it is not lost.
alter table signal_dedup add column cancel_remediation_id uuid;
alter table signal_dedup add column cancel_reason text;
alter table signal_dedup add column cancel_requested_at timestamptz;
alter table signal_dedup add column cancel_attempts int not null default 0;
alter table signal_dedup add column cancel_next_attempt_at timestamptz;
alter table signal_dedup add column cancel_last_error text;
-- What resolving did: resolved-cancelled | resolved-already-finished | resolved-no-remediation | resolved-cancel-pending
alter table signal_dedup add column resolution text;
create index signal_dedup_cancel_due on signal_dedup (cancel_next_attempt_at) where cancel_next_attempt_at is not null;

alter table signal_log add column resolution text;
