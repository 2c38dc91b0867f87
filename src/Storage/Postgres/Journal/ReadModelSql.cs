using ActorTrading.Actors.Ports;
using Google.Protobuf;
using Npgsql;
using static ActorTrading.Actors.Model.ProtoDecimal;
using static ActorTrading.Storage.Postgres.Journal.SqlParam;

namespace ActorTrading.Storage.Postgres.Journal;

/// <summary>
/// The read-model statements of a group commit, built from <see cref="ReadModelChanges"/>. They run after the
/// seq claim in the same transaction; a lost claim aborts it, so no join is needed to skip a loser's rows.
/// </summary>
internal static class ReadModelSql
{
    public static void AddCommands(NpgsqlBatch batch, ReadModelChanges c)
    {
        if (c.Accounts.Count > 0) batch.BatchCommands.Add(Accounts(c));
        if (c.NewOrders.Count > 0) batch.BatchCommands.Add(NewOrders(c));
        if (c.OrderPatches.Count > 0) batch.BatchCommands.Add(OrderPatches(c));
        if (c.Trades.Count > 0) batch.BatchCommands.Add(Trades(c));
        if (c.Positions.Count > 0) batch.BatchCommands.Add(Positions(c));
        foreach (var s in c.Strategies.Values) batch.BatchCommands.Add(Strategy(s));
    }

    private static NpgsqlBatchCommand Accounts(ReadModelChanges c)
    {
        var rows = c.Accounts.Values.ToArray();
        return Command($"""
            WITH x AS (SELECT * FROM unnest($1::text[], $2::bool[], $3::text[], $4::numeric[], $5::bytea[], $6::smallint[])
                       AS r(account_id, opened, display_name, cash, limits, state)),
            ins AS (INSERT INTO accounts (account_id, display_name, cash, limits, state)
                    SELECT x.account_id, x.display_name, x.cash, x.limits, x.state FROM x WHERE x.opened
                    ON CONFLICT (account_id) DO NOTHING)
            UPDATE accounts a SET display_name = coalesce(x.display_name, a.display_name), cash = coalesce(x.cash, a.cash),
                   limits = coalesce(x.limits, a.limits), state = coalesce(x.state, a.state), updated = now()
            FROM x WHERE a.account_id = x.account_id AND NOT x.opened
            """,
            Of(rows.Select(r => r.AccountId).ToArray()), Of(rows.Select(r => r.Opened).ToArray()),
            Of(rows.Select(r => r.DisplayName).ToArray()), Of(rows.Select(r => r.Cash).ToArray()),
            Of(rows.Select(r => r.Limits?.ToByteArray()).ToArray()), Of(rows.Select(r => (short?)r.State).ToArray()));
    }

    private static NpgsqlBatchCommand NewOrders(ReadModelChanges c)
    {
        var rows = c.NewOrders.Values.ToArray();
        var o = rows.Select(r => r.Order).ToArray();
        return Command($"""
            INSERT INTO orders (account_id, order_id, seq, client_order_id, symbol, side, type, quantity, filled_quantity, limit_price,
                                stop_price, average_fill_price, status, product, time_in_force, strategy, created, updated)
            SELECT x.* FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::smallint[], $7::smallint[], $8::numeric[],
                $9::numeric[], $10::numeric[], $11::numeric[], $12::numeric[], $13::smallint[], $14::smallint[], $15::smallint[], $16::text[],
                $17::timestamptz[], $18::timestamptz[]) AS x(account_id, order_id, seq, client_order_id, symbol, side, type, quantity,
                filled_quantity, limit_price, stop_price, average_fill_price, status, product, time_in_force, strategy, created, updated)
            ON CONFLICT (account_id, order_id) DO NOTHING
            """,
            Of(rows.Select(r => r.AccountId).ToArray()), Of(o.Select(x => x.OrderId).ToArray()), Of(rows.Select(r => r.Seq).ToArray()),
            Of(o.Select(x => x.ClientOrderId).ToArray()), Of(o.Select(x => x.Symbol).ToArray()), Of(o.Select(x => (short)x.Side).ToArray()),
            Of(o.Select(x => (short)x.Type).ToArray()), Of(o.Select(x => FromProto(x.Quantity)).ToArray()),
            Of(o.Select(x => FromProto(x.FilledQuantity)).ToArray()), Of(o.Select(x => FromProtoOrNull(x.LimitPrice)).ToArray()),
            Of(o.Select(x => FromProtoOrNull(x.StopPrice)).ToArray()), Of(o.Select(x => FromProtoOrNull(x.AverageFillPrice)).ToArray()),
            Of(o.Select(x => (short)x.Status).ToArray()), Of(o.Select(x => (short)x.Product).ToArray()),
            Of(o.Select(x => (short)x.TimeInForce).ToArray()), Of(o.Select(x => x.Strategy).ToArray()),
            Of(o.Select(x => x.Created.ToDateTime()).ToArray()), Of(o.Select(x => x.Updated.ToDateTime()).ToArray()));
    }

    private static NpgsqlBatchCommand OrderPatches(ReadModelChanges c)
    {
        var p = c.OrderPatches.Values.ToArray();
        return Command($"""
            UPDATE orders o SET status = CASE WHEN x.status = 3 AND o.status <> 1 THEN o.status ELSE coalesce(x.status, o.status) END, quantity = coalesce(x.quantity, o.quantity),
                   limit_price = coalesce(x.limit_price, o.limit_price), stop_price = coalesce(x.stop_price, o.stop_price),
                   filled_quantity = coalesce(x.filled_quantity, o.filled_quantity),
                   average_fill_price = coalesce(x.average_fill_price, o.average_fill_price), updated = x.updated
            FROM unnest($1::text[], $2::text[], $3::smallint[], $4::numeric[], $5::numeric[], $6::numeric[], $7::numeric[], $8::numeric[],
                        $9::timestamptz[]) AS x(account_id, order_id, status, quantity, limit_price, stop_price, filled_quantity,
                        average_fill_price, updated)
            WHERE o.account_id = x.account_id AND o.order_id = x.order_id
            """,
            Of(p.Select(x => x.AccountId).ToArray()), Of(p.Select(x => x.OrderId).ToArray()), Of(p.Select(x => (short?)x.Status).ToArray()),
            Of(p.Select(x => x.Quantity).ToArray()), Of(p.Select(x => x.LimitPrice).ToArray()), Of(p.Select(x => x.StopPrice).ToArray()),
            Of(p.Select(x => x.FilledQuantity).ToArray()), Of(p.Select(x => x.AverageFillPrice).ToArray()),
            Of(p.Select(x => x.Updated.UtcDateTime).ToArray()));
    }

    private static NpgsqlBatchCommand Trades(ReadModelChanges c)
    {
        var r = c.Trades;
        return Command($"""
            INSERT INTO trades (account_id, seq, at, trade_id, order_id, symbol, side, quantity, price, fees, time)
            SELECT x.* FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::smallint[],
                $8::numeric[], $9::numeric[], $10::numeric[], $11::timestamptz[])
                AS x(account_id, seq, at, trade_id, order_id, symbol, side, quantity, price, fees, time)
            """,
            Of(r.Select(x => x.AccountId).ToArray()), Of(r.Select(x => x.Seq).ToArray()), Of(r.Select(x => x.At.UtcDateTime).ToArray()),
            Of(r.Select(x => x.Trade.TradeId).ToArray()), Of(r.Select(x => x.Trade.OrderId).ToArray()), Of(r.Select(x => x.Trade.Symbol).ToArray()),
            Of(r.Select(x => (short)x.Trade.Side).ToArray()), Of(r.Select(x => FromProto(x.Trade.Quantity)).ToArray()),
            Of(r.Select(x => FromProto(x.Trade.Price)).ToArray()), Of(r.Select(x => FromProto(x.Trade.Fees)).ToArray()),
            Of(r.Select(x => x.Trade.Time.ToDateTime()).ToArray()));
    }

    private static NpgsqlBatchCommand Positions(ReadModelChanges c)
    {
        var rows = c.Positions.Values.ToArray();
        var p = rows.Select(r => r.Position).ToArray();
        return Command($"""
            INSERT INTO positions (account_id, symbol, product, quantity, average_price, last_price, realized_pnl, updated)
            SELECT x.*, now() FROM unnest($1::text[], $2::text[], $3::smallint[], $4::numeric[], $5::numeric[], $6::numeric[], $7::numeric[])
                AS x(account_id, symbol, product, quantity, average_price, last_price, realized_pnl)
            ON CONFLICT (account_id, symbol, product) DO UPDATE SET quantity = excluded.quantity, average_price = excluded.average_price,
                last_price = excluded.last_price, realized_pnl = excluded.realized_pnl, updated = excluded.updated
            """,
            Of(rows.Select(r => r.AccountId).ToArray()), Of(p.Select(x => x.Symbol).ToArray()), Of(p.Select(x => (short)x.Product).ToArray()),
            Of(p.Select(x => FromProto(x.Quantity)).ToArray()), Of(p.Select(x => FromProto(x.AveragePrice)).ToArray()),
            Of(p.Select(x => FromProto(x.LastPrice)).ToArray()), Of(p.Select(x => FromProto(x.RealizedPnl)).ToArray()));
    }

    private static NpgsqlBatchCommand Strategy(StrategyRow s) => Command($"""
        INSERT INTO strategies (account_id, instance_name, type, symbols, parameters, running, webhook_token_hash, updated)
        SELECT x.account_id, $2, $3, $4, $5::jsonb, $6, $7, now() FROM (SELECT $1::text AS account_id) x
        ON CONFLICT (account_id, instance_name) DO UPDATE SET running = excluded.running, updated = excluded.updated,
            type = CASE WHEN excluded.running THEN excluded.type ELSE strategies.type END,
            symbols = CASE WHEN excluded.running THEN excluded.symbols ELSE strategies.symbols END,
            parameters = CASE WHEN excluded.running THEN excluded.parameters ELSE strategies.parameters END,
            webhook_token_hash = CASE WHEN excluded.running THEN excluded.webhook_token_hash ELSE strategies.webhook_token_hash END
        """,
        Of(s.AccountId), Of(s.InstanceName), Of(s.Type), Of(s.Symbols.ToArray()),
        Of(System.Text.Json.JsonSerializer.Serialize(s.Parameters)), Of(s.Running), Of(s.WebhookTokenHash));
}
