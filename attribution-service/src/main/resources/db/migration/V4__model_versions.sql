-- Trained versions of the data-driven models (markov, shapley). A version names its model, parameters, training
-- window and data fingerprint, e.g. "markov@order1:2026-10-23..2026-11-21:3f2a9c1b7d4e"; every credit it produced
-- carries that name in credit.model_version. The newest version of a model credits new conversions.
CREATE TABLE model_version (
    version       text PRIMARY KEY,
    model         text        NOT NULL,
    parameters    text        NOT NULL,
    window_from   date        NOT NULL,
    window_to     date        NOT NULL,
    lookback_days int         NOT NULL,
    data_hash     char(64)    NOT NULL,
    journeys      numeric     NOT NULL,
    conversions   numeric     NOT NULL,
    -- JSON: {"channel": "weight", ...}, the channel weights credits are split by
    weights       text        NOT NULL,
    -- JSON: what else the fit reported (Markov removal effects, Shapley values and pairwise interactions)
    details       text        NOT NULL,
    trained_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX model_version_latest_idx ON model_version (model, trained_at DESC);
