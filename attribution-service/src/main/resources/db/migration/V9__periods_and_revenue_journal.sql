-- Accounting periods (YYYY-MM, UTC months). A period without a row is open. Closing freezes it: nothing is posted
-- into it afterwards; a change to one of its conversions is posted into the first open period after it.
CREATE TABLE accounting_period (
    period      char(7)     PRIMARY KEY,
    state       text        NOT NULL CHECK (state IN ('open', 'closed')),
    changed_at  timestamptz NOT NULL,
    changed_by  text        NOT NULL,
    reason      text
);

-- Who closed and reopened which period, when and why.
CREATE TABLE accounting_period_audit (
    id      bigserial   PRIMARY KEY,
    period  char(7)     NOT NULL,
    action  text        NOT NULL CHECK (action IN ('close', 'reopen')),
    at      timestamptz NOT NULL,
    actor   text        NOT NULL,
    reason  text
);

-- The revenue journal: each conversion's booked revenue and every later change of its net revenue (refunds,
-- cancellations), posted in the same transaction as the credit rows and into the same period, so per period the
-- journal and each crediting model's ledger rows sum to the same net revenue.
CREATE TABLE revenue_entry (
    id                  bigserial   PRIMARY KEY,
    conversion_event_id text        NOT NULL REFERENCES conversion (event_id),
    kind                text        NOT NULL CHECK (kind IN ('booking', 'refund', 'cancellation', 'restore')),
    period              char(7)     NOT NULL,
    day                 date        NOT NULL,
    amount_minor        bigint      NOT NULL,
    currency            char(3)     NOT NULL,
    posted_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX revenue_entry_conversion_idx ON revenue_entry (conversion_event_id);
CREATE INDEX revenue_entry_period_idx ON revenue_entry (period);

-- Conversions credited before the journal existed: their current net revenue (the first enabled model's ledger sum)
-- as one booking each.
INSERT INTO revenue_entry (conversion_event_id, kind, period, day, amount_minor, currency)
SELECT c.conversion_event_id, 'booking', min(c.period), (min(c.conversion_at) AT TIME ZONE 'UTC')::date,
       sum(c.amount_minor), c.currency
FROM credit c
WHERE c.model = (SELECT model FROM credit ORDER BY id LIMIT 1)
GROUP BY c.conversion_event_id, c.currency;
