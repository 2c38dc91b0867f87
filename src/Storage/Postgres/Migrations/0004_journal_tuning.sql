-- Version 4: storage settings and key collation of the journal's hot tables (no new columns, keys or constraints; see
-- src/Storage/README.md, "PostgreSQL settings", and benchmarks/RESULTS.md, Storage, session 4).
--
-- 1. Small statistics samples for the append-only tables. Every query on account_events and trades is by primary key
--    (account_id = $1 AND seq > $2), so the planner needs no detailed histograms; but ANALYZE samples 300 x the
--    largest statistics target rows (30,000 with the default 100), and autoanalyze starts while the journal is
--    writing: analyzing a 420k-row account_events took 0.64 s of one of two cores in the middle of a benchmark run.
--    With a target of 10 it samples 3,000 rows. payload is never filtered on: no statistics at all.
-- 2. Free space in the pages of the rows every commit updates in place (account_heads: the seq claim; positions,
--    accounts: the read models), so the update stays HOT (no index insert, less WAL) instead of moving the row to
--    another page once the page is full.
-- 3. The key columns compare bytewise (COLLATE "C"). Every group commit descends the btrees of account_heads,
--    account_events, trades and positions once per event; with the database's default collation (C.UTF-8 or a real
--    locale) each key comparison copies both strings and calls strcoll. The identifiers are ASCII and every query that
--    orders by them already says COLLATE "C" (ListAccounts' keyset paging, which can now use the primary key), so
--    nothing reads differently. On an existing database this rebuilds those tables' indexes once (no table rewrite:
--    the type does not change), under the migration's lock.
-- actortrading_ensure_partitions applies (1) to every partition it creates from now on.
CREATE OR REPLACE FUNCTION actortrading_tune_partition(part regclass) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    col text;
BEGIN
    FOR col IN SELECT attname FROM pg_attribute WHERE attrelid = part AND attnum > 0 AND NOT attisdropped LOOP
        EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET STATISTICS %s', part, col, CASE WHEN col = 'payload' THEN 0 ELSE 10 END);
    END LOOP;
END $$;

SELECT actortrading_tune_partition(c.oid)
FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
WHERE p.relnamespace = current_schema()::regnamespace AND p.relname IN ('account_events', 'trades');

ALTER TABLE account_heads ALTER COLUMN account_id TYPE text COLLATE "C";
ALTER TABLE account_events ALTER COLUMN account_id TYPE text COLLATE "C";
ALTER TABLE trades ALTER COLUMN account_id TYPE text COLLATE "C";
ALTER TABLE positions ALTER COLUMN account_id TYPE text COLLATE "C", ALTER COLUMN symbol TYPE text COLLATE "C";
ALTER TABLE orders ALTER COLUMN account_id TYPE text COLLATE "C", ALTER COLUMN order_id TYPE text COLLATE "C";
ALTER TABLE accounts ALTER COLUMN account_id TYPE text COLLATE "C";
ALTER TABLE account_snapshots ALTER COLUMN account_id TYPE text COLLATE "C";
ALTER TABLE strategies ALTER COLUMN account_id TYPE text COLLATE "C";
ALTER TABLE audit_log ALTER COLUMN account_id TYPE text COLLATE "C";
ALTER TABLE webhook_tokens ALTER COLUMN account_id TYPE text COLLATE "C";

ALTER TABLE account_heads SET (fillfactor = 70);
ALTER TABLE positions SET (fillfactor = 70);
ALTER TABLE accounts SET (fillfactor = 70);

CREATE OR REPLACE FUNCTION actortrading_ensure_partitions(months_ahead integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    parent text;
    m integer;
    first_day date;
    part text;
    created integer := 0;
BEGIN
    FOREACH parent IN ARRAY ARRAY['account_events', 'trades'] LOOP
        FOR m IN -1..months_ahead LOOP
            first_day := (date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => m))::date;
            part := parent || '_' || to_char(first_day, 'YYYY_MM');
            IF to_regclass(quote_ident(current_schema()) || '.' || quote_ident(part)) IS NULL THEN
                BEGIN
                    EXECUTE format('CREATE TABLE %I.%I PARTITION OF %I.%I FOR VALUES FROM (%L) TO (%L)',
                        current_schema(), part, current_schema(), parent,
                        first_day::timestamp AT TIME ZONE 'UTC', (first_day + interval '1 month')::timestamp AT TIME ZONE 'UTC');
                    PERFORM actortrading_tune_partition(format('%I.%I', current_schema(), part)::regclass);
                    created := created + 1;
                EXCEPTION WHEN others THEN
                    -- e.g. the default partition already holds rows of that month: they stay there.
                    RAISE WARNING 'actortrading: could not create partition %: %', part, SQLERRM;
                END;
            END IF;
        END LOOP;
    END LOOP;
    RETURN created;
END $$;
