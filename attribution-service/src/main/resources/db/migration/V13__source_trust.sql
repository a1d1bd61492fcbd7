-- Source trust (README, "Source trust"): what a verified source (a signed webhook, an authenticated import) states
-- about an order replaces what the open collector said; unverified identity links are bounded.

-- Who stated a conversion's revenue. Rows from before: the web beacon's were unverified, the others verified.
ALTER TABLE conversion ADD COLUMN trust text NOT NULL DEFAULT 'verified' CHECK (trust IN ('verified', 'unverified'));
UPDATE conversion SET trust = 'unverified' WHERE source = 'web';

-- A verified statement of an order's revenue replaced an unverified one.
ALTER TABLE credit DROP CONSTRAINT IF EXISTS credit_reason_check;
ALTER TABLE credit ADD CONSTRAINT credit_reason_check CHECK (reason IN ('conversion', 'late_touch', 'identity_merge',
    'campaign_change', 'refund', 'cancellation', 'model_training', 'restatement'));

-- Identity joins an unverified event asked for and did not get: which, why, when.
CREATE TABLE identity_refusal (
    id          bigserial PRIMARY KEY,
    event_id    text        NOT NULL,
    reason      text        NOT NULL,
    identifiers text[]      NOT NULL,
    refused_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX identity_refusal_at_idx ON identity_refusal (refused_at);
