-- Workflow catalog: Kubernaut's action type taxonomy and remediation workflow catalog, column for column
-- (DataStorage migrations 001/002/003/015), with every timestamp as timestamptz.

CREATE TABLE action_type_taxonomy (
    action_type TEXT PRIMARY KEY,
    -- camelCase keys as in the CRD: what, whenToUse, whenNotToUse, preconditions
    description JSONB NOT NULL,
    status      TEXT NOT NULL DEFAULT 'Active'
        CONSTRAINT action_type_taxonomy_status_check
            CHECK (status IN ('Active', 'Disabled', 'Deprecated', 'Archived', 'Superseded')),
    disabled_at TIMESTAMPTZ,
    disabled_by TEXT,
    created_by  TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE remediation_workflow_catalog (
    -- UUIDv5 of content_hash, so the same content always gets the same id
    workflow_id               UUID PRIMARY KEY,
    workflow_name             VARCHAR(255) NOT NULL,
    name                      VARCHAR(255) NOT NULL,
    version                   VARCHAR(50)  NOT NULL,
    description               JSONB        NOT NULL,
    owner                     VARCHAR(255),
    maintainer                VARCHAR(255),
    content                   TEXT         NOT NULL,
    content_hash              VARCHAR(64)  NOT NULL
        CONSTRAINT remediation_workflow_catalog_content_hash_check CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    action_type               TEXT         NOT NULL
        CONSTRAINT remediation_workflow_catalog_action_type_fkey REFERENCES action_type_taxonomy (action_type),

    -- severity, environment, component: arrays; priority: scalar; cluster: optional array.
    -- Rows from older registrations may hold a scalar component or an array priority; discovery accepts both.
    labels                    JSONB        NOT NULL DEFAULT '{}',
    -- map<string, string[]>
    custom_labels             JSONB        NOT NULL DEFAULT '{}',
    -- sparse: only true booleans and non-empty strings
    detected_labels           JSONB        NOT NULL DEFAULT '{}',
    -- spec.parameters[] exactly as declared
    parameters                JSONB        NOT NULL DEFAULT '[]',
    -- ansible: {playbookPath, jobTemplateName, inventoryName}; dag: {steps: [...]}
    engine_config             JSONB,

    execution_engine          VARCHAR(50)  NOT NULL DEFAULT 'tekton',
    schema_image              TEXT,
    schema_digest             VARCHAR(71),
    execution_bundle          TEXT,
    execution_bundle_digest   VARCHAR(71),
    service_account_name      VARCHAR(253),

    status                    VARCHAR(20)  NOT NULL DEFAULT 'Active'
        CONSTRAINT remediation_workflow_catalog_status_check
            CHECK (status IN ('Active', 'Disabled', 'Deprecated', 'Archived', 'Superseded')),
    status_reason             TEXT,
    schema_version            VARCHAR(10)  NOT NULL DEFAULT '1.0',
    disabled_at               TIMESTAMPTZ,
    disabled_by               TEXT,
    disabled_reason           TEXT,
    is_latest_version         BOOLEAN      NOT NULL DEFAULT false,
    previous_version          VARCHAR(50),
    deprecation_notice        TEXT,
    version_notes             TEXT,
    change_summary            TEXT,
    approved_by               TEXT,
    approved_at               TIMESTAMPTZ,
    expected_success_rate     DECIMAL(4, 3)
        CONSTRAINT remediation_workflow_catalog_expected_success_rate_check
            CHECK (expected_success_rate >= 0 AND expected_success_rate <= 1),
    expected_duration_seconds INTEGER
        CONSTRAINT remediation_workflow_catalog_expected_duration_check CHECK (expected_duration_seconds > 0),
    -- Set by the application from its clock rather than by a trigger, so tests can pin time.
    created_at                TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at                TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by                TEXT,
    updated_by                TEXT
);

CREATE INDEX idx_workflow_catalog_status ON remediation_workflow_catalog (status);
CREATE INDEX idx_workflow_catalog_workflow_name ON remediation_workflow_catalog (workflow_name);
CREATE INDEX idx_workflow_catalog_created_at ON remediation_workflow_catalog (created_at DESC);
CREATE INDEX idx_workflow_catalog_discovery ON remediation_workflow_catalog (action_type, status, is_latest_version);
CREATE INDEX idx_workflow_catalog_schema_digest ON remediation_workflow_catalog (schema_digest)
    WHERE schema_digest IS NOT NULL;
CREATE INDEX idx_workflow_catalog_bundle_digest ON remediation_workflow_catalog (execution_bundle_digest)
    WHERE execution_bundle_digest IS NOT NULL;

CREATE INDEX idx_workflow_catalog_labels ON remediation_workflow_catalog USING gin (labels);
CREATE INDEX idx_workflow_catalog_custom_labels ON remediation_workflow_catalog USING gin (custom_labels);
CREATE INDEX idx_workflow_catalog_detected_labels ON remediation_workflow_catalog USING gin (detected_labels);

-- One Active row per (name, version): re-registering different content under a version is a 409.
CREATE UNIQUE INDEX uq_workflow_catalog_active_name_version ON remediation_workflow_catalog (workflow_name, version)
    WHERE status = 'Active';

-- Kubernaut indexes (workflow_name, is_latest_version) WHERE is_latest_version; unique here, so "exactly one
-- latest version per name" holds even if application code is wrong.
CREATE UNIQUE INDEX uq_workflow_catalog_latest_version ON remediation_workflow_catalog (workflow_name)
    WHERE is_latest_version;
