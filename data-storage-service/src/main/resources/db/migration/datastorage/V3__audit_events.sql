-- Append-only audit trail with a tamper-evident hash chain per correlation id (Kubernaut's audit_events, without
-- monthly partitions, legal hold or retention, which nothing here uses yet).
--
-- The database, not the application, enforces both properties:
--   * a BEFORE UPDATE/DELETE/TRUNCATE trigger refuses every change to a stored row;
--   * a BEFORE INSERT trigger serialises appends per correlation id (advisory lock), numbers the event in its
--     chain and computes event_hash over the row and the previous event's hash.
-- verify-chain recomputes the same digest with the same function, so a row changed behind the triggers' back
-- (a superuser disabling them) no longer matches its hash, and a removed row breaks the link of the next one.
-- Run the service with a role that does not own this table in production: an owner can disable triggers.

CREATE TABLE audit_events (
    event_id            UUID         NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    event_version       VARCHAR(10)  NOT NULL,
    event_timestamp     TIMESTAMPTZ  NOT NULL,
    event_type          VARCHAR(100) NOT NULL,
    event_category      VARCHAR(50)  NOT NULL,
    event_action        VARCHAR(50)  NOT NULL,
    event_outcome       VARCHAR(20)  NOT NULL
        CONSTRAINT audit_events_outcome_check CHECK (event_outcome IN ('success', 'failure', 'pending')),
    correlation_id      VARCHAR(255) NOT NULL,
    actor_type          VARCHAR(50),
    actor_id            VARCHAR(255),
    resource_type       VARCHAR(100),
    resource_id         VARCHAR(255),
    resource_name       VARCHAR(255),
    namespace           VARCHAR(253),
    severity            VARCHAR(20),
    duration_ms         BIGINT,
    error_code          VARCHAR(100),
    error_message       TEXT,
    event_data          JSONB        NOT NULL DEFAULT '{}',
    -- who sent it: the authenticated caller, which the client cannot choose
    recorded_by         VARCHAR(255) NOT NULL,
    recorded_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- set by audit_events_chain(); any value the insert supplies is overwritten
    chain_position      INTEGER      NOT NULL DEFAULT 0,
    previous_event_hash CHAR(64),
    event_hash          CHAR(64)     NOT NULL DEFAULT '',
    CONSTRAINT audit_events_chain_position_unique UNIQUE (correlation_id, chain_position)
);

CREATE INDEX idx_audit_events_timestamp ON audit_events (event_timestamp DESC);
CREATE INDEX idx_audit_events_type ON audit_events (event_type, event_timestamp DESC);
CREATE INDEX idx_audit_events_category ON audit_events (event_category, event_timestamp DESC);
CREATE INDEX idx_audit_events_data ON audit_events USING gin (event_data jsonb_path_ops);
CREATE INDEX idx_audit_events_target_resource ON audit_events ((event_data ->> 'target_resource'), event_timestamp DESC);

-- The digest of one event given its previous_event_hash. Stable text forms only: the timestamp as epoch
-- microseconds and jsonb's canonical text, so the same row always gives the same digest.
CREATE FUNCTION audit_event_digest(e audit_events) RETURNS CHAR(64)
    LANGUAGE sql STABLE AS
$$
SELECT encode(sha256(convert_to(jsonb_build_array(
    e.event_id, e.event_version, floor(extract(epoch FROM e.event_timestamp) * 1000000)::bigint,
    e.event_type, e.event_category, e.event_action, e.event_outcome, e.correlation_id,
    e.actor_type, e.actor_id, e.resource_type, e.resource_id, e.resource_name, e.namespace, e.severity,
    e.duration_ms, e.error_code, e.error_message, e.event_data, e.recorded_by,
    floor(extract(epoch FROM e.recorded_at) * 1000000)::bigint, e.chain_position, e.previous_event_hash
)::text, 'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_events_chain() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    previous RECORD;
BEGIN
    -- "AUDT": keeps these locks apart from other advisory locks in the database
    PERFORM pg_advisory_xact_lock(1096107092, hashtext(NEW.correlation_id));
    SELECT chain_position, event_hash INTO previous
    FROM audit_events
    WHERE correlation_id = NEW.correlation_id
    ORDER BY chain_position DESC
    LIMIT 1;
    NEW.chain_position := coalesce(previous.chain_position, 0) + 1;
    NEW.previous_event_hash := previous.event_hash;
    NEW.event_hash := audit_event_digest(NEW);
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_events_chain
    BEFORE INSERT ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_chain();

CREATE FUNCTION audit_events_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_events_append_only
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();

CREATE TRIGGER audit_events_no_truncate
    BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
