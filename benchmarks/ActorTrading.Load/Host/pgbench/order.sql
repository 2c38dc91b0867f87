-- One group commit carrying :n durable market orders of :n distinct accounts: every row JournalBatchWriter and
-- ReadModelSql write for one order (src/Storage/Postgres/Journal), without our client. Per order: two seq claims on
-- account_heads (the accept's append and the acknowledgement + fill append), three events (OrderAccepted 47 B,
-- OrderSubmitted 35 B, OrderFilled 151 B: the payload sizes measured in a grpc-orders run), the orders row inserted and
-- updated (status, filled quantity, average price), the trade, the position upsert, the account's cash, the audit row.
-- Run by order-floor.sh.
\set first random(0, 999)
\set base random(1, 1000000000000)
BEGIN;
UPDATE order_floor.account_heads SET last_seq = last_seq + 1, batch_id = :base::bigint WHERE account_id IN (SELECT 'acct-' || lpad(((:first::int + g) % 1000)::text, 6, '0') FROM generate_series(1, :n::int) g);
INSERT INTO order_floor.account_events (account_id, seq, at, type, payload) SELECT 'acct-' || lpad(((:first::int + g) % 1000)::text, 6, '0'), :base::bigint + 3 * g, now(), 'OrderAccepted', decode(repeat('0a0b0c0d0e0f', 8), 'hex') FROM generate_series(1, :n::int) g;
INSERT INTO order_floor.orders (account_id, order_id, seq, client_order_id, symbol, side, type, quantity, filled_quantity, limit_price, stop_price, average_fill_price, status, product, time_in_force, strategy, created, updated) SELECT 'acct-' || lpad(((:first::int + g) % 1000)::text, 6, '0'), 'O' || (:base::bigint + 3 * g), :base::bigint + 3 * g, 'l-' || (:base::bigint + g), 'NSE:TCS', 1, 1, 1, 0, NULL, NULL, NULL, 2, 2, 1, '', now(), now() FROM generate_series(1, :n::int) g;
UPDATE order_floor.account_heads SET last_seq = last_seq + 2, batch_id = :base::bigint + 1 WHERE account_id IN (SELECT 'acct-' || lpad(((:first::int + g) % 1000)::text, 6, '0') FROM generate_series(1, :n::int) g);
INSERT INTO order_floor.account_events (account_id, seq, at, type, payload) SELECT 'acct-' || lpad(((:first::int + g) % 1000)::text, 6, '0'), :base::bigint + 3 * g + k, now(), CASE k WHEN 1 THEN 'OrderSubmitted' ELSE 'OrderFilled' END, CASE k WHEN 1 THEN decode(repeat('0a0b0c0d0e0f', 6), 'hex') ELSE decode(repeat('0a0b0c0d0e0f', 25), 'hex') END FROM generate_series(1, :n::int) g, generate_series(1, 2) k;
UPDATE order_floor.orders o SET status = 4, filled_quantity = 1, average_fill_price = 4000.05, updated = now() FROM generate_series(1, :n::int) g WHERE o.account_id = 'acct-' || lpad(((:first::int + g) % 1000)::text, 6, '0') AND o.order_id = 'O' || (:base::bigint + 3 * g);
INSERT INTO order_floor.trades (account_id, seq, at, trade_id, order_id, symbol, side, quantity, price, fees, time) SELECT 'acct-' || lpad(((:first::int + g) % 1000)::text, 6, '0'), :base::bigint + 3 * g + 2, now(), 'P-' || (:base::bigint + g), 'O' || (:base::bigint + 3 * g), 'NSE:TCS', 1, 1, 4000.05, 0, now() FROM generate_series(1, :n::int) g;
INSERT INTO order_floor.positions (account_id, symbol, product, quantity, average_price, last_price, realized_pnl, updated) SELECT 'acct-' || lpad(((:first::int + g) % 1000)::text, 6, '0'), 'NSE:TCS', 2, 1, 4000.05, 4000.05, 0, now() FROM generate_series(1, :n::int) g ON CONFLICT (account_id, symbol, product) DO UPDATE SET quantity = excluded.quantity, average_price = excluded.average_price, last_price = excluded.last_price, realized_pnl = excluded.realized_pnl, updated = excluded.updated;
UPDATE order_floor.accounts SET cash = cash - 4000.05, updated = now() WHERE account_id IN (SELECT 'acct-' || lpad(((:first::int + g) % 1000)::text, 6, '0') FROM generate_series(1, :n::int) g);
INSERT INTO order_floor.audit_log (at, principal, action, account_id, outcome, detail) SELECT now(), 'admin', 'PlaceOrder', 'acct-' || lpad(((:first::int + g) % 1000)::text, 6, '0'), 'OK', 'Buy NSE:TCS Market qty=1: Accepted order_id=O' || (:base::bigint + 3 * g) || ' client_order_id=l-1' FROM generate_series(1, :n::int) g;
COMMIT;
