-- Programme and campaign directory: the latest CampaignChanged of every campaign (a projection of tally.campaigns)
CREATE TABLE programme (
    programme_id       uuid PRIMARY KEY,
    name               text        NOT NULL,
    reporting_currency char(3)     NOT NULL,
    time_zone          text        NOT NULL,
    lookback_days      int         NOT NULL,
    updated_at         timestamptz NOT NULL
);

CREATE TABLE campaign (
    campaign_id        uuid PRIMARY KEY,
    version            bigint      NOT NULL,
    name               text        NOT NULL,
    channel            text,
    programme_id       uuid        NOT NULL REFERENCES programme (programme_id),
    deleted            boolean     NOT NULL DEFAULT false,
    updated_at         timestamptz NOT NULL
);
CREATE INDEX campaign_programme_idx ON campaign (programme_id);

-- Tracking codes (lower-case) → campaign
CREATE TABLE tracking_code (
    code        text PRIMARY KEY,
    campaign_id uuid NOT NULL REFERENCES campaign (campaign_id) ON DELETE CASCADE
);
CREATE INDEX tracking_code_campaign_idx ON tracking_code (campaign_id);

-- Every touchpoint received, once (event_id is the idempotency key)
CREATE TABLE touchpoint (
    id               bigserial PRIMARY KEY,
    event_id         text        NOT NULL UNIQUE,
    occurred_at      timestamptz NOT NULL,
    channel          text        NOT NULL,
    interaction_type text        NOT NULL,
    source           text,
    medium           text,
    campaign_code    text,
    url              text,
    anonymous_id     text,
    user_id          text,
    email_sha256     text,
    phone_sha256     text,
    loyalty_id       text,
    customer_id      text,
    received_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX touchpoint_anonymous_idx ON touchpoint (anonymous_id, occurred_at) WHERE anonymous_id IS NOT NULL;
CREATE INDEX touchpoint_user_idx ON touchpoint (user_id, occurred_at) WHERE user_id IS NOT NULL;
CREATE INDEX touchpoint_email_idx ON touchpoint (email_sha256, occurred_at) WHERE email_sha256 IS NOT NULL;
CREATE INDEX touchpoint_phone_idx ON touchpoint (phone_sha256, occurred_at) WHERE phone_sha256 IS NOT NULL;
CREATE INDEX touchpoint_loyalty_idx ON touchpoint (loyalty_id, occurred_at) WHERE loyalty_id IS NOT NULL;
CREATE INDEX touchpoint_customer_idx ON touchpoint (customer_id, occurred_at) WHERE customer_id IS NOT NULL;

-- Every conversion received, once
CREATE TABLE conversion (
    id            bigserial PRIMARY KEY,
    event_id      text        NOT NULL UNIQUE,
    order_id      text        NOT NULL,
    occurred_at   timestamptz NOT NULL,
    revenue_minor bigint      NOT NULL CHECK (revenue_minor >= 0),
    currency      char(3)     NOT NULL,
    coupon_code   text,
    source        text,
    anonymous_id  text,
    user_id       text,
    email_sha256  text,
    phone_sha256  text,
    loyalty_id    text,
    customer_id   text,
    received_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversion_anonymous_idx ON conversion (anonymous_id, occurred_at) WHERE anonymous_id IS NOT NULL;
CREATE INDEX conversion_user_idx ON conversion (user_id, occurred_at) WHERE user_id IS NOT NULL;
CREATE INDEX conversion_email_idx ON conversion (email_sha256, occurred_at) WHERE email_sha256 IS NOT NULL;
CREATE INDEX conversion_phone_idx ON conversion (phone_sha256, occurred_at) WHERE phone_sha256 IS NOT NULL;
CREATE INDEX conversion_loyalty_idx ON conversion (loyalty_id, occurred_at) WHERE loyalty_id IS NOT NULL;
CREATE INDEX conversion_customer_idx ON conversion (customer_id, occurred_at) WHERE customer_id IS NOT NULL;

-- The credit ledger: append-only. An 'original' entry is a conversion's first credit under a model; later changes
-- (late touchpoints, refunds, identity merges) post 'adjustment' entries. Per conversion and model, amounts sum to the
-- credited revenue and conversion_units to 1,000,000 (one conversion).
CREATE TABLE credit (
    id                  bigserial PRIMARY KEY,
    entry_id            text        NOT NULL,
    entry_kind          text        NOT NULL CHECK (entry_kind IN ('original', 'adjustment')),
    conversion_event_id text        NOT NULL REFERENCES conversion (event_id),
    conversion_at       timestamptz NOT NULL,
    model               text        NOT NULL,
    model_version       text        NOT NULL,
    touchpoint_event_id text,
    channel             text,
    campaign_id         uuid,
    programme_id        uuid,
    amount_minor        bigint      NOT NULL,
    currency            char(3)     NOT NULL,
    conversion_units    bigint      NOT NULL,
    posted_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX credit_report_idx ON credit (model, conversion_at);
CREATE INDEX credit_conversion_idx ON credit (conversion_event_id, model);
CREATE UNIQUE INDEX credit_original_once_idx ON credit (conversion_event_id, model, coalesce(touchpoint_event_id, ''))
    WHERE entry_kind = 'original';
