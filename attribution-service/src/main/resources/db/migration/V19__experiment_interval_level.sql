-- The confidence level of an experiment's lift interval (0.8, 0.9, 0.95 or 0.99): the bootstrap intervals of a
-- calibrated model draw each replicate's lift from it. Revisions entered before it said nothing: 0.9.
ALTER TABLE experiment_revision ADD COLUMN level numeric(4, 3) NOT NULL DEFAULT 0.9;
