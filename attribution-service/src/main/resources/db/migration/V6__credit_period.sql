-- The accounting period a ledger row belongs to, as YYYY-MM. Today every row belongs to its conversion's month (UTC);
-- once periods can be closed, adjustments to a conversion of a closed period are posted into the first open period.
ALTER TABLE credit ADD COLUMN period char(7);
UPDATE credit SET period = to_char(conversion_at AT TIME ZONE 'UTC', 'YYYY-MM');
ALTER TABLE credit ALTER COLUMN period SET NOT NULL;
CREATE INDEX credit_period_idx ON credit (period, model);
