-- How attribution credits a programme's conversions where it departs from the deployment (io.tally.events.ModelSettings
-- as JSON: touch weights, position shares, time-decay half-life, Markov order); '{}' keeps every default.
alter table programme
    add column model_settings jsonb not null default '{}';
