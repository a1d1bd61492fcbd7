-- How attribution credits a programme's conversions where it departs from the deployment (io.tally.events.ModelSettings
-- as JSON: touch weights, position shares, time-decay half-life, Markov order), from CampaignChanged; '{}' keeps every
-- default. (V16 is left to the web sessions change.)
ALTER TABLE programme ADD COLUMN model_settings jsonb NOT NULL DEFAULT '{}';
