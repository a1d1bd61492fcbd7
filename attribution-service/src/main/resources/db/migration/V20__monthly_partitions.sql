-- The high-volume tables become partitioned by month, so that a period's queries, its closing and retention touch
-- only its partitions: touchpoints by the month of occurred_at (UTC), ledger rows and journal entries by their posting
-- period. A month has its partition (touchpoint_y2026m12, credit_y2026m12, revenue_entry_y2026m12); a default
-- partition takes rows of a month that has none yet, and MonthlyPartitions (attribution-service) creates the coming
-- months' partitions ahead and moves such rows into a partition of their own.
--
-- Unique keys of a partitioned table include its partition key: a touchpoint is keyed by (event_id, occurred_at), the
-- same event redelivered has the same instant (the connectors claim event ids before they publish, so no other event
-- reuses one); ids stay unique through their sequences.
--
-- Indexes are what the live pipeline reads by and no more, since every index costs each of the ~100,000 ledger rows a
-- second the pipeline writes (BENCHMARKS.md): a ledger row is found by its conversion (positions, re-credits); a
-- range of conversion instants by a BRIN index (the model comparison's versions); a period's rows by their partition.
-- Reports and finance read the daily roll-up. An 'original' row is posted once by construction (in the transaction
-- that stores the conversion, or under its row lock while it holds no rows of the model), so the unique index that
-- re-checked it goes; LedgerInvariantsTest checks it.

-- the sequences outlive the tables they were made for
ALTER SEQUENCE touchpoint_id_seq OWNED BY NONE;
ALTER SEQUENCE credit_id_seq OWNED BY NONE;
ALTER SEQUENCE revenue_entry_id_seq OWNED BY NONE;
DROP VIEW reporting.fact_revenue_journal;
-- the old tables' index names are wanted by the new ones
DROP INDEX touchpoint_profile_idx, touchpoint_unprofiled_idx, touchpoint_campaign_code_idx, credit_report_idx,
    credit_conversion_idx, credit_period_idx, credit_original_once_idx, revenue_entry_conversion_idx,
    revenue_entry_period_idx;
ALTER TABLE touchpoint RENAME CONSTRAINT touchpoint_pkey TO touchpoint_unpartitioned_pkey;
ALTER TABLE touchpoint RENAME CONSTRAINT touchpoint_event_id_key TO touchpoint_unpartitioned_event_id_key;
ALTER TABLE credit RENAME CONSTRAINT credit_pkey TO credit_unpartitioned_pkey;
ALTER TABLE revenue_entry RENAME CONSTRAINT revenue_entry_pkey TO revenue_entry_unpartitioned_pkey;
ALTER TABLE touchpoint RENAME TO touchpoint_unpartitioned;
ALTER TABLE credit RENAME TO credit_unpartitioned;
ALTER TABLE revenue_entry RENAME TO revenue_entry_unpartitioned;

CREATE TABLE touchpoint (
    id               bigint      NOT NULL DEFAULT nextval('touchpoint_id_seq'),
    event_id         text        NOT NULL,
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
    received_at      timestamptz NOT NULL DEFAULT now(),
    profile_id       bigint,
    PRIMARY KEY (event_id, occurred_at)
) PARTITION BY RANGE (occurred_at);
CREATE INDEX touchpoint_profile_idx ON touchpoint (profile_id, occurred_at);
CREATE INDEX touchpoint_unprofiled_idx ON touchpoint (id) WHERE profile_id IS NULL;
CREATE INDEX touchpoint_campaign_code_idx ON touchpoint (campaign_code);

CREATE TABLE credit (
    id                  bigint      NOT NULL DEFAULT nextval('credit_id_seq'),
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
    posted_at           timestamptz NOT NULL DEFAULT now(),
    reason              text CONSTRAINT credit_reason_check CHECK (reason IN ('conversion', 'late_touch',
        'identity_merge', 'campaign_change', 'refund', 'cancellation', 'model_training', 'restatement')),
    period              char(7)     NOT NULL,
    PRIMARY KEY (id, period)
) PARTITION BY LIST (period);
CREATE INDEX credit_conversion_idx ON credit (conversion_event_id);
CREATE INDEX credit_conversion_at_brin ON credit USING brin (conversion_at);

CREATE TABLE revenue_entry (
    id                  bigint      NOT NULL DEFAULT nextval('revenue_entry_id_seq'),
    conversion_event_id text        NOT NULL REFERENCES conversion (event_id),
    kind                text        NOT NULL CHECK (kind IN ('booking', 'refund', 'cancellation', 'restore')),
    period              char(7)     NOT NULL,
    day                 date        NOT NULL,
    amount_minor        bigint      NOT NULL,
    currency            char(3)     NOT NULL,
    posted_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, period)
) PARTITION BY LIST (period);
CREATE INDEX revenue_entry_conversion_idx ON revenue_entry (conversion_event_id);

CREATE TABLE touchpoint_default PARTITION OF touchpoint DEFAULT;
CREATE TABLE credit_default PARTITION OF credit DEFAULT;
CREATE TABLE revenue_entry_default PARTITION OF revenue_entry DEFAULT;

-- a partition for every month that has rows, and for this month and the next three
DO $$
DECLARE
    m date;
BEGIN
    FOR m IN
        SELECT DISTINCT date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date FROM touchpoint_unpartitioned
        UNION SELECT DISTINCT to_date(period, 'YYYY-MM') FROM credit_unpartitioned
        UNION SELECT DISTINCT to_date(period, 'YYYY-MM') FROM revenue_entry_unpartitioned
        UNION SELECT (date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => n))::date
            FROM generate_series(0, 3) AS n
    LOOP
        EXECUTE format('CREATE TABLE touchpoint_%s PARTITION OF touchpoint FOR VALUES FROM (%L) TO (%L)',
            to_char(m, '"y"YYYY"m"MM'), (m::timestamp AT TIME ZONE 'UTC'),
            ((m + interval '1 month')::timestamp AT TIME ZONE 'UTC'));
        EXECUTE format('CREATE TABLE credit_%s PARTITION OF credit FOR VALUES IN (%L)',
            to_char(m, '"y"YYYY"m"MM'), to_char(m, 'YYYY-MM'));
        EXECUTE format('CREATE TABLE revenue_entry_%s PARTITION OF revenue_entry FOR VALUES IN (%L)',
            to_char(m, '"y"YYYY"m"MM'), to_char(m, 'YYYY-MM'));
    END LOOP;
END $$;

INSERT INTO touchpoint (id, event_id, occurred_at, channel, interaction_type, source, medium, campaign_code, url,
    anonymous_id, user_id, email_sha256, phone_sha256, loyalty_id, customer_id, received_at, profile_id)
SELECT id, event_id, occurred_at, channel, interaction_type, source, medium, campaign_code, url, anonymous_id, user_id,
    email_sha256, phone_sha256, loyalty_id, customer_id, received_at, profile_id FROM touchpoint_unpartitioned;
INSERT INTO credit (id, entry_id, entry_kind, conversion_event_id, conversion_at, model, model_version,
    touchpoint_event_id, channel, campaign_id, programme_id, amount_minor, currency, conversion_units, posted_at,
    reason, period)
SELECT id, entry_id, entry_kind, conversion_event_id, conversion_at, model, model_version, touchpoint_event_id, channel,
    campaign_id, programme_id, amount_minor, currency, conversion_units, posted_at, reason, period
FROM credit_unpartitioned;
INSERT INTO revenue_entry (id, conversion_event_id, kind, period, day, amount_minor, currency, posted_at)
SELECT id, conversion_event_id, kind, period, day, amount_minor, currency, posted_at FROM revenue_entry_unpartitioned;

DROP TABLE touchpoint_unpartitioned;
DROP TABLE credit_unpartitioned;
DROP TABLE revenue_entry_unpartitioned;
ALTER SEQUENCE touchpoint_id_seq OWNED BY touchpoint.id;
ALTER SEQUENCE credit_id_seq OWNED BY credit.id;
ALTER SEQUENCE revenue_entry_id_seq OWNED BY revenue_entry.id;

CREATE VIEW reporting.fact_revenue_journal AS
SELECT conversion_event_id AS conversion_id, kind, period, day, currency, amount_minor,
       amount_minor / power(10, reporting.minor_digits(currency))::numeric AS amount, posted_at
FROM attribution.revenue_entry;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tally_reporting') THEN
        GRANT SELECT ON reporting.fact_revenue_journal TO tally_reporting;
    END IF;
END $$;
