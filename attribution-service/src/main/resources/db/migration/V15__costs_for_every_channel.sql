-- Costs for every channel: a cost may be a programme's own (agency, production, tools: no campaign code, no channel),
-- says what it bought (category), and states a reported line (line_id): a later figure of the same line (a corrected
-- re-import) replaces the earlier one instead of adding to it. Rows stored before are each a line of their own.
ALTER TABLE cost ALTER COLUMN channel DROP NOT NULL,
                 ALTER COLUMN campaign_code DROP NOT NULL,
                 ADD COLUMN programme_id uuid,
                 ADD COLUMN category text,
                 ADD COLUMN line_id text;
UPDATE cost SET line_id = event_id;
ALTER TABLE cost ALTER COLUMN line_id SET NOT NULL,
                 ADD CONSTRAINT cost_has_owner CHECK (campaign_code IS NOT NULL OR programme_id IS NOT NULL);
CREATE INDEX cost_line_idx ON cost (line_id, id);

-- Each line's latest figure, with the campaign and programme it belongs to that day: through the campaign code (the
-- span it pointed at when the day began in the programme's time zone, the latest assigned), or, for a cost without a
-- code, the programme it names. Every report reads costs through this view.
CREATE VIEW cost_current AS
SELECT x.id, x.day, x.channel, x.campaign_code, r.campaign_id,
       CASE WHEN x.campaign_code IS NULL THEN x.programme_id ELSE r.programme_id END AS programme_id,
       x.category, x.source, x.currency, x.amount_minor, x.impressions, x.clicks
FROM cost x
LEFT JOIN LATERAL (
    SELECT k.campaign_id, k.programme_id
    FROM tracking_code t
    JOIN campaign k ON k.campaign_id = t.campaign_id AND NOT k.deleted
    JOIN programme p ON p.programme_id = k.programme_id
    WHERE t.code = x.campaign_code
      AND (t.valid_from IS NULL OR t.valid_from <= (x.day::timestamp AT TIME ZONE p.time_zone))
      AND (t.valid_until IS NULL OR t.valid_until > (x.day::timestamp AT TIME ZONE p.time_zone))
    ORDER BY t.assigned_at DESC, t.id DESC LIMIT 1) r ON true
WHERE NOT EXISTS (SELECT 1 FROM cost n WHERE n.line_id = x.line_id AND n.id > x.id);

CREATE OR REPLACE VIEW reporting.fact_cost_daily AS
SELECT c.day, c.channel, c.campaign_code, c.campaign_id, c.programme_id, c.source, c.currency, c.amount_minor,
       c.amount_minor / power(10, reporting.minor_digits(c.currency))::numeric AS amount, c.impressions, c.clicks,
       c.category
FROM attribution.cost_current c;

COMMENT ON VIEW reporting.fact_cost_daily IS
    'Reported cost per day, each reported line''s latest figure, resolved to the campaign its code pointed at that day or to the programme it names; channel null for a shared programme cost (agency, production, tools)';
