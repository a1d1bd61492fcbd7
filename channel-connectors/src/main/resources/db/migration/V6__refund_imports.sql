-- Refund imports (kind=refunds): the authenticated way to take revenue back without a signed shop webhook.
ALTER TABLE import_job DROP CONSTRAINT import_job_kind_check;
ALTER TABLE import_job ADD CONSTRAINT import_job_kind_check CHECK (kind IN ('touchpoints', 'conversions', 'refunds'));
