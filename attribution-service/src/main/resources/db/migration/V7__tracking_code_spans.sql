-- Tracking codes resolve by the touch's time: each row is one span [valid_from, valid_until) (null: since ever /
-- open-ended) of a code in a campaign, as its latest CampaignChanged lists it. A code re-pointed from a date has a
-- span in each campaign; should spans of two campaigns overlap (their events crossed), the one assigned later wins.
ALTER TABLE tracking_code DROP CONSTRAINT tracking_code_pkey;
ALTER TABLE tracking_code
    ADD COLUMN id          bigserial PRIMARY KEY,
    ADD COLUMN type        text NOT NULL DEFAULT 'other',
    ADD COLUMN valid_from  timestamptz,
    ADD COLUMN valid_until timestamptz,
    ADD COLUMN assigned_at timestamptz;
UPDATE tracking_code t SET assigned_at = c.updated_at FROM campaign c WHERE c.campaign_id = t.campaign_id;
ALTER TABLE tracking_code ALTER COLUMN assigned_at SET NOT NULL, ALTER COLUMN type DROP DEFAULT;
CREATE INDEX tracking_code_code_idx ON tracking_code (code);
