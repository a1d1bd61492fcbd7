-- Identity graph: a union-find over identifiers, persisted. Every identifier ever seen ("kind:value", e.g.
-- "emailSha256:9f86…") belongs to exactly one profile; identifiers seen together in one event or one IdentityLink share
-- it. Union by size with eager relabelling: when two profiles merge, the smaller one's identifiers, touchpoints and
-- conversions take the larger one's id (so a row moves at most log2(n) times), and every row always carries its root
-- profile: a journey is one indexed range scan. An absorbed profile stays, pointing at the profile it merged into.
CREATE TABLE profile (
    profile_id      bigserial PRIMARY KEY,
    identifiers     int         NOT NULL CHECK (identifiers >= 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    merged_into     bigint REFERENCES profile (profile_id),
    merged_at       timestamptz,
    merged_by_event text
);

CREATE TABLE identity (
    identifier     text PRIMARY KEY,
    profile_id     bigint      NOT NULL REFERENCES profile (profile_id),
    first_event_id text        NOT NULL,
    first_seen_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX identity_profile_idx ON identity (profile_id);

-- Rows stored before the graph existed have no profile until IdentityBackfill gives them one at start-up.
ALTER TABLE touchpoint ADD COLUMN profile_id bigint;
ALTER TABLE conversion ADD COLUMN profile_id bigint;
CREATE INDEX touchpoint_profile_idx ON touchpoint (profile_id, occurred_at);
CREATE INDEX conversion_profile_idx ON conversion (profile_id, occurred_at);
CREATE INDEX touchpoint_unprofiled_idx ON touchpoint (id) WHERE profile_id IS NULL;
CREATE INDEX conversion_unprofiled_idx ON conversion (id) WHERE profile_id IS NULL;
CREATE INDEX conversion_order_idx ON conversion (order_id);

-- Journeys are read by profile now; the per-identifier indexes only slowed writes down.
DROP INDEX touchpoint_anonymous_idx;
DROP INDEX touchpoint_user_idx;
DROP INDEX touchpoint_email_idx;
DROP INDEX touchpoint_phone_idx;
DROP INDEX touchpoint_loyalty_idx;
DROP INDEX touchpoint_customer_idx;
DROP INDEX conversion_anonymous_idx;
DROP INDEX conversion_user_idx;
DROP INDEX conversion_email_idx;
DROP INDEX conversion_phone_idx;
DROP INDEX conversion_loyalty_idx;
DROP INDEX conversion_customer_idx;

-- Refunds and cancellations of booked orders, once each. They apply to the conversions with the same order id and
-- currency, whether they arrive before or after the conversion.
CREATE TABLE conversion_adjustment (
    id           bigserial PRIMARY KEY,
    event_id     text        NOT NULL UNIQUE,
    order_id     text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('refund', 'cancellation')),
    amount_minor bigint      NOT NULL CHECK (amount_minor >= 0),
    currency     char(3)     NOT NULL,
    reason       text,
    received_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversion_adjustment_order_idx ON conversion_adjustment (order_id);

-- Why a ledger row was posted (null on rows posted before this column existed).
ALTER TABLE credit ADD COLUMN reason text CHECK (reason IN ('conversion', 'late_touch', 'identity_merge',
    'campaign_change', 'refund', 'cancellation', 'model_training'));
