-- Discovery step 2 used to read every discoverable row of the action type (idx_workflow_catalog_discovery) and
-- test the mandatory labels of each in JSON: at 100,000 workflows over 50 action types that is 2,000 heap rows on
-- as many pages for ~170 matches. Here each row also carries one 64-bit key per (action type, label, lower-cased
-- value) of its mandatory labels, in a GIN index over discoverable rows only. A query asks, per constrained label,
-- for "the value or *" as an array overlap; PostgreSQL intersects those posting lists and visits only the rows
-- that match every label. The exact JSON conditions stay in the statement, so a hash collision can only cost a
-- recheck, never a wrong answer.

CREATE FUNCTION discovery_key(action_type text, label text, label_value text) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN hashtextextended(action_type || '/' || label || '=' || lower(label_value), 0);

-- Lists and the legacy scalar form of a label both give one key per value.
CREATE FUNCTION discovery_keys(action_type text, labels jsonb) RETURNS bigint[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ARRAY(
        SELECT discovery_key(action_type, l.key, v.value)
        FROM jsonb_each(labels) l,
             LATERAL jsonb_array_elements_text(CASE jsonb_typeof(l.value)
                                                   WHEN 'array' THEN l.value
                                                   WHEN 'string' THEN jsonb_build_array(l.value)
                                                   ELSE cast('[]' AS jsonb) END) v);

ALTER TABLE remediation_workflow_catalog
    ADD COLUMN discovery_keys bigint[] GENERATED ALWAYS AS (discovery_keys(action_type, labels)) STORED;

CREATE INDEX idx_workflow_catalog_discovery_keys ON remediation_workflow_catalog USING gin (discovery_keys)
    WHERE status = 'Active' AND is_latest_version;
