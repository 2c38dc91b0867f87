-- One group commit of :n fill events of one lane (client :client_id owns accounts [client_id * :per, client_id * :per + :per)),
-- the rows JournalBatchWriter writes for them: seq claim on account_heads, the events, the trades, the position upserts.
-- Run by floor-rate.sh. Pipelined (one Sync, one round trip for the whole transaction), as the journal's NpgsqlBatch
-- sends it; floor-rate.sh drops the pipeline lines for PIPELINE=0 or MODE=simple (one round trip per statement).
-- Safe for -M prepared: every variable is cast, and no literal holds a colon (pgbench would read
-- 'NSE:RELIANCE' as the variable :RELIANCE), so the symbol is spelled 'NSE' || chr(58) || 'RELIANCE' (folded at plan time).
\set first random(0, 999)
\set base random(1, 1000000000000)
\startpipeline
BEGIN;
UPDATE journal_floor.account_heads SET last_seq = last_seq + 1, batch_id = :base::bigint WHERE account_id IN (SELECT 'acct-' || lpad((:client_id::int * :per::int + ((:first::int + g) % :per::int))::text, 6, '0') FROM generate_series(1, :n::int) g);
INSERT INTO journal_floor.account_events (account_id, seq, at, type, payload) SELECT 'acct-' || lpad((:client_id::int * :per::int + ((:first::int + g) % :per::int))::text, 6, '0'), :base::bigint + g, now(), 'OrderFilled', decode(repeat('0a0b0c0d0e0f', 25), 'hex') FROM generate_series(1, :n::int) g;
INSERT INTO journal_floor.trades (account_id, seq, at, trade_id, order_id, symbol, side, quantity, price, fees, time) SELECT 'acct-' || lpad((:client_id::int * :per::int + ((:first::int + g) % :per::int))::text, 6, '0'), :base::bigint + g, now(), 't-000000001', 'o-000000001', 'NSE' || chr(58) || 'RELIANCE', 1, 10, 2501.35, 3.2, now() FROM generate_series(1, :n::int) g;
INSERT INTO journal_floor.positions (account_id, symbol, product, quantity, average_price, last_price, realized_pnl, updated) SELECT 'acct-' || lpad((:client_id::int * :per::int + ((:first::int + g) % :per::int))::text, 6, '0'), 'NSE' || chr(58) || 'RELIANCE', 2, 10, 2501.35, 2501.35, 0, now() FROM generate_series(1, :n::int) g ON CONFLICT (account_id, symbol, product) DO UPDATE SET quantity = excluded.quantity, average_price = excluded.average_price, last_price = excluded.last_price, realized_pnl = excluded.realized_pnl, updated = excluded.updated;
COMMIT;
\endpipeline
