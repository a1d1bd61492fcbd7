-- Holdout and lift tests analysts record per channel and period; every change is a new revision (history kept), the
-- newest revision of an experiment is what it says now, and a withdrawn one calibrates nothing.
CREATE TABLE experiment_revision (
    experiment_id text NOT NULL,
    revision int NOT NULL,
    channel text NOT NULL,
    period_from date NOT NULL,
    period_to date NOT NULL,
    design text NOT NULL,
    lift numeric(12, 6) NOT NULL,
    lift_low numeric(12, 6) NOT NULL,
    lift_high numeric(12, 6) NOT NULL,
    note text,
    withdrawn boolean NOT NULL DEFAULT false,
    entered_by text NOT NULL,
    entered_at timestamptz NOT NULL,
    PRIMARY KEY (experiment_id, revision)
);
CREATE INDEX experiment_revision_period ON experiment_revision (period_to, period_from);
