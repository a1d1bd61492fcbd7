-- The attribution model the programme's finance reports use, from CampaignChanged (null until a campaign event
-- carrying it arrives: reports then use their default).
ALTER TABLE programme ADD COLUMN official_model text;
