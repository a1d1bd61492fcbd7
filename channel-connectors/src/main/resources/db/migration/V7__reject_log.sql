-- The pipeline's dead letters (tally.rejects, from every service), kept for the dashboard's data page: where input
-- was rejected, which field and why, and the start of what was sent. One row per dead letter id (the same bad input
-- from the same source is one row however often it arrived); rows are purged after
-- tally.connectors.reject-log.retention, counted from when they were logged (the log's own clock).
CREATE TABLE reject_log (
    event_id    text PRIMARY KEY,
    rejected_at timestamptz NOT NULL,
    source      text        NOT NULL,
    field       text        NOT NULL,
    reason      text        NOT NULL,
    raw_excerpt text        NOT NULL,
    logged_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reject_log_rejected_at_idx ON reject_log (rejected_at);
CREATE INDEX reject_log_logged_at_idx ON reject_log (logged_at);
