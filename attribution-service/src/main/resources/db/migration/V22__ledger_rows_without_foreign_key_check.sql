-- The ledger's rows no longer check their conversion with a foreign key. The check ran once per row (a lookup in
-- conversion's primary key and a lock on its row), and crediting writes tens of rows per conversion, all in the
-- transaction that has just read or stored that conversion: measured on 36,000 rows, 330 ms with the check and 180 ms
-- without (BENCHMARKS.md, issue 18). Conversions are never deleted; LedgerInvariantsTest checks that every row's
-- conversion is stored. (The revenue journal, one or two entries per conversion, keeps its key.)
DO $$
DECLARE
    fk text;
BEGIN
    FOR fk IN SELECT conname FROM pg_constraint
              WHERE conrelid = 'credit'::regclass AND contype = 'f' AND conparentid = 0
    LOOP
        EXECUTE format('ALTER TABLE credit DROP CONSTRAINT %I', fk);
    END LOOP;
END $$;
