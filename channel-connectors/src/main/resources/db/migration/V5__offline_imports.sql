-- Offline CSV imports: one row per uploaded file (status and counters, updated after each chunk), and the rejected-row
-- report of each job. Raw e-mail addresses and phone numbers are never stored: the raw row is kept with those cells
-- masked (***).
CREATE TABLE import_job (
    id            uuid PRIMARY KEY,
    kind          text        NOT NULL CHECK (kind IN ('touchpoints', 'conversions')),
    status        text        NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    upload_bytes  bigint      NOT NULL,
    rows_read     bigint      NOT NULL DEFAULT 0,
    accepted      bigint      NOT NULL DEFAULT 0,
    deduplicated  bigint      NOT NULL DEFAULT 0,
    rejected      bigint      NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL,
    started_at    timestamptz,
    finished_at   timestamptz,
    heartbeat_at  timestamptz NOT NULL,
    error         text
);
CREATE INDEX import_job_active_idx ON import_job (heartbeat_at) WHERE status IN ('queued', 'running');

-- One line per violation of a rejected row; row_number 1 is the first data row after the header.
CREATE TABLE import_reject (
    job_id      uuid   NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    row_number  bigint NOT NULL,
    ordinal     int    NOT NULL,
    column_name text   NOT NULL,
    reason      text   NOT NULL,
    raw         text   NOT NULL,
    PRIMARY KEY (job_id, row_number, ordinal)
);
