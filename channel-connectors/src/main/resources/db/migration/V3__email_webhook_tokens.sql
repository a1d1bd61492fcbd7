-- One-time tokens of signed email webhooks (Mailgun's signature.token): a token seen once is refused again (replay).
-- A token is kept until its signed timestamp leaves the freshness window (expires_at); after that the timestamp check
-- refuses the request anyway, and the row is purged (tally.connectors.email.mailgun.token-purge-interval).
CREATE TABLE email_webhook_token (
    provider   text        NOT NULL,
    token      text        NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (provider, token)
);
CREATE INDEX email_webhook_token_expiry_idx ON email_webhook_token (expires_at);
