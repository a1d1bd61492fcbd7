-- FX rates finance loads, per day: 1 unit of currency = rate units of quote. Reports in a reporting currency convert
-- each conversion's amounts at the rate of its transaction date (its UTC date); a missing rate is an error.
CREATE TABLE fx_rate (
    day        date        NOT NULL,
    currency   char(3)     NOT NULL,
    quote      char(3)     NOT NULL,
    rate       numeric     NOT NULL CHECK (rate > 0),
    loaded_at  timestamptz NOT NULL DEFAULT now(),
    loaded_by  text        NOT NULL,
    PRIMARY KEY (day, currency, quote),
    CHECK (currency <> quote)
);

-- The roll-up also keys on the conversion's UTC date (its transaction date for FX), so the journal and the credit
-- roll-up meet per day: per period, UTC day and currency, the journal's net equals each crediting model's credit.
ALTER TABLE credit_daily ADD COLUMN utc_day date;
DELETE FROM credit_daily;
ALTER TABLE credit_daily ALTER COLUMN utc_day SET NOT NULL;
ALTER TABLE credit_daily DROP CONSTRAINT credit_daily_key;
ALTER TABLE credit_daily ADD CONSTRAINT credit_daily_key
    UNIQUE NULLS NOT DISTINCT (day, utc_day, period, model, programme_id, campaign_id, channel, attributed, currency);
INSERT INTO credit_daily (day, utc_day, period, model, programme_id, campaign_id, channel, attributed, currency,
                          amount_minor, conversion_units)
SELECT (c.conversion_at AT TIME ZONE coalesce(p.time_zone, 'UTC'))::date, (c.conversion_at AT TIME ZONE 'UTC')::date,
       c.period, c.model, c.programme_id, c.campaign_id, c.channel, c.touchpoint_event_id IS NOT NULL, c.currency,
       sum(c.amount_minor), sum(c.conversion_units)
FROM credit c LEFT JOIN programme p ON p.programme_id = c.programme_id
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
