-- Event ids this service has published: a retried request, a redelivered webhook or a re-uploaded file is not
-- published twice. Rows older than tally.connectors.dedup.retention are purged.
CREATE TABLE seen_event (
    event_id      text PRIMARY KEY,
    source        text        NOT NULL,
    first_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX seen_event_age_idx ON seen_event (first_seen_at);
