-- Version 5: small statistics samples for the read models every order writes, as 0004 did for account_events and
-- trades. orders and audit_log grow by a row (orders: one row per order, updated by each report) with every order, and
-- autoanalyze samples 300 x the statistics target rows of them about once a minute under load: with the default 100
-- that took 0.15-0.19 s of CPU for orders alone on the benchmark VM (0.5-0.9 s elapsed), i.e. a stall of the size of a
-- serial order's whole p99 budget for the orders committed meanwhile (benchmarks/RESULTS.md, Node, session 4 durtail and
-- session 5 durable5). Every query on them is by account (and order id or sequence), so 10 is plenty.
DO $$
DECLARE
    t text;
    col text;
BEGIN
    FOREACH t IN ARRAY ARRAY['orders', 'audit_log'] LOOP
        FOR col IN SELECT attname FROM pg_attribute WHERE attrelid = t::regclass AND attnum > 0 AND NOT attisdropped LOOP
            EXECUTE format('ALTER TABLE %I ALTER COLUMN %I SET STATISTICS 10', t, col);
        END LOOP;
    END LOOP;
END $$;
