-- Discovery matches mandatory labels case-insensitively. A lower-cased copy of the labels, kept by PostgreSQL
-- itself, lets the context filter use jsonb containment (@>) instead of unnesting every label array per row: the
-- filter becomes a few microseconds per candidate row, and the candidates come from
-- idx_workflow_catalog_discovery (action_type, status, is_latest_version). Every key of labels is lower case
-- already (severity, environment, component, priority, cluster), so lower-casing the JSON text changes values only.
ALTER TABLE remediation_workflow_catalog
    ADD COLUMN labels_ci JSONB GENERATED ALWAYS AS (cast(lower(cast(labels AS text)) AS jsonb)) STORED;

