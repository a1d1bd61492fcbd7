-- Daily roll-up of the ledger, so reports read days rather than scan ledger rows. Maintained in the transaction that
-- posts the ledger rows (LedgerRollup, written just before commit in one fixed key order). day: the conversion's date
-- in its programme's reporting time zone (UTC for credit of no programme; re-bucketed when a programme's time zone
-- changes). period: the ledger rows' accounting period. attributed: false on a conversion's unattributed line.
CREATE TABLE credit_daily (
    day              date    NOT NULL,
    period           char(7) NOT NULL,
    model            text    NOT NULL,
    programme_id     uuid,
    campaign_id      uuid,
    channel          text,
    attributed       boolean NOT NULL,
    currency         char(3) NOT NULL,
    amount_minor     bigint  NOT NULL,
    conversion_units bigint  NOT NULL,
    CONSTRAINT credit_daily_key
        UNIQUE NULLS NOT DISTINCT (day, period, model, programme_id, campaign_id, channel, attributed, currency)
);
CREATE INDEX credit_daily_model_day_idx ON credit_daily (model, day);
CREATE INDEX credit_daily_period_idx ON credit_daily (period, model);

INSERT INTO credit_daily
SELECT (c.conversion_at AT TIME ZONE coalesce(p.time_zone, 'UTC'))::date, c.period, c.model, c.programme_id,
       c.campaign_id, c.channel, c.touchpoint_event_id IS NOT NULL, c.currency, sum(c.amount_minor),
       sum(c.conversion_units)
FROM credit c LEFT JOIN programme p ON p.programme_id = c.programme_id
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

-- Costs as reported (Cost events), once each; they reach a campaign through its tracking code spans when read.
CREATE TABLE cost (
    id            bigserial PRIMARY KEY,
    event_id      text        NOT NULL UNIQUE,
    day           date        NOT NULL,
    channel       text        NOT NULL,
    campaign_code text        NOT NULL,
    source        text,
    amount_minor  bigint      NOT NULL CHECK (amount_minor >= 0),
    currency      char(3)     NOT NULL,
    impressions   bigint,
    clicks        bigint,
    received_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cost_day_idx ON cost (day);
