-- API keys for machine clients (BI extracts, scheduled imports). The secret is never stored: only its SHA-256.
CREATE TABLE api_key (
    id            uuid PRIMARY KEY,
    name          varchar(100) NOT NULL,
    roles         varchar(200) NOT NULL,          -- role claims, comma-separated (analyst,finance,...)
    secret_sha256 bytea        NOT NULL,
    created_at    timestamptz  NOT NULL,
    created_by    varchar(200) NOT NULL,
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    revoked_by    varchar(200)
);

CREATE INDEX api_key_created ON api_key (created_at DESC);
