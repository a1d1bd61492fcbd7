-- The reporting schema: documented, stable views for BI tools (Metabase, Power BI, Tableau, Superset), which connect
-- with their native PostgreSQL driver as a member of the read-only role tally_reporting. Views are the contract: the
-- tables behind them may change; a view's columns only ever grow. No personal data: identifiers of people stay out.
CREATE SCHEMA IF NOT EXISTS reporting;

-- Minor-unit digits of a currency (ISO 4217), to turn minor units into amounts.
CREATE OR REPLACE FUNCTION reporting.minor_digits(currency text) RETURNS int
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN currency IN ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND',
                          'VUV', 'XAF', 'XOF', 'XPF') THEN 0
        WHEN currency IN ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND') THEN 3
        WHEN currency IN ('CLF', 'UYW') THEN 4
        ELSE 2 END
$$;

-- Dimensions
CREATE OR REPLACE VIEW reporting.dim_programme AS
SELECT programme_id, name, reporting_currency, time_zone, lookback_days, updated_at
FROM attribution.programme;

CREATE OR REPLACE VIEW reporting.dim_campaign AS
SELECT campaign_id, programme_id, name, channel, deleted, updated_at
FROM attribution.campaign;

CREATE OR REPLACE VIEW reporting.dim_channel AS
SELECT channel FROM (VALUES ('paid_search'), ('organic_search'), ('paid_social'), ('organic_social'), ('email'),
                            ('display'), ('affiliate'), ('referral'), ('direct'), ('offline'), ('other')) AS c(channel);

CREATE OR REPLACE VIEW reporting.dim_period AS
SELECT to_char(m, 'YYYY-MM') AS period, m::date AS first_day, (m + interval '1 month' - interval '1 day')::date AS last_day,
       coalesce(a.state, 'open') AS state, a.changed_at AS state_changed_at
FROM generate_series(
        (SELECT coalesce(min(to_date(period, 'YYYY-MM')), date_trunc('month', now())) FROM attribution.credit_daily),
        date_trunc('month', now()), interval '1 month') AS m
LEFT JOIN attribution.accounting_period a ON a.period = to_char(m, 'YYYY-MM');

-- Facts
CREATE OR REPLACE VIEW reporting.fact_attributed_revenue_daily AS
SELECT day, period, model, programme_id, campaign_id, channel,
       CASE WHEN NOT attributed THEN 'unattributed' WHEN campaign_id IS NULL THEN 'unassigned' ELSE 'assigned' END
           AS kind,
       currency, amount_minor, amount_minor / power(10, reporting.minor_digits(currency))::numeric AS amount,
       conversion_units / 1000000.0 AS conversions
FROM attribution.credit_daily;

CREATE OR REPLACE VIEW reporting.fact_conversion AS
SELECT event_id AS conversion_id, order_id, occurred_at, (occurred_at AT TIME ZONE 'UTC')::date AS day, currency,
       revenue_minor, revenue_minor / power(10, reporting.minor_digits(currency))::numeric AS revenue, source
FROM attribution.conversion;

CREATE OR REPLACE VIEW reporting.fact_revenue_journal AS
SELECT conversion_event_id AS conversion_id, kind, period, day, currency, amount_minor,
       amount_minor / power(10, reporting.minor_digits(currency))::numeric AS amount, posted_at
FROM attribution.revenue_entry;

CREATE OR REPLACE VIEW reporting.fact_cost_daily AS
SELECT x.day, x.channel, x.campaign_code, r.campaign_id, r.programme_id, x.source, x.currency, x.amount_minor,
       x.amount_minor / power(10, reporting.minor_digits(x.currency))::numeric AS amount, x.impressions, x.clicks
FROM attribution.cost x
LEFT JOIN LATERAL (
    SELECT k.campaign_id, k.programme_id
    FROM attribution.tracking_code t
    JOIN attribution.campaign k ON k.campaign_id = t.campaign_id AND NOT k.deleted
    JOIN attribution.programme p ON p.programme_id = k.programme_id
    WHERE t.code = x.campaign_code
      AND (t.valid_from IS NULL OR t.valid_from <= (x.day::timestamp AT TIME ZONE p.time_zone))
      AND (t.valid_until IS NULL OR t.valid_until > (x.day::timestamp AT TIME ZONE p.time_zone))
    ORDER BY t.assigned_at DESC, t.id DESC LIMIT 1) r ON true;

COMMENT ON SCHEMA reporting IS 'Stable views for BI tools; read them as a member of tally_reporting';
COMMENT ON VIEW reporting.fact_attributed_revenue_daily IS
    'Credited revenue per day (the programme''s reporting time zone; UTC without a programme), accounting period, model, programme, campaign and channel; kind assigned/unassigned/unattributed; sums to booked net revenue per model and currency';
COMMENT ON VIEW reporting.fact_conversion IS 'Every conversion once: order, time, revenue as booked';
COMMENT ON VIEW reporting.fact_revenue_journal IS 'Bookings, refunds, cancellations and restores per accounting period';
COMMENT ON VIEW reporting.fact_cost_daily IS 'Reported cost per day, resolved to the campaign its code pointed at that day';
COMMENT ON VIEW reporting.dim_period IS 'Accounting periods (UTC months) and whether they are closed';

-- The read-only role BI users log in through (created when the migrating user may create roles; otherwise the
-- platform creates it, e.g. CloudNativePG's managed roles, and this grants to it if it exists).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tally_reporting') THEN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN
            CREATE ROLE tally_reporting NOLOGIN;
        ELSE
            RAISE NOTICE 'role tally_reporting does not exist and % may not create it', current_user;
        END IF;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tally_reporting') THEN
        GRANT USAGE ON SCHEMA reporting TO tally_reporting;
        GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO tally_reporting;
        GRANT EXECUTE ON FUNCTION reporting.minor_digits(text) TO tally_reporting;
        ALTER DEFAULT PRIVILEGES IN SCHEMA reporting GRANT SELECT ON TABLES TO tally_reporting;
    END IF;
END
$$;
