using ProtoDecimal = ActorTrading.Actors.Model.ProtoDecimal;
using ActorTrading.Actors.Ports;
using ActorTrading.Api.V1;
using ActorTrading.Storage.Postgres.Journal;
using Npgsql;
using static ActorTrading.Storage.Postgres.ReadModelRows;

namespace ActorTrading.Storage.Postgres;

/// <summary>Queries over the read models the journal writes (see <see cref="ReadModelSql"/>), plus bars.</summary>
public sealed class PostgresReadModelStore(NpgsqlDataSource dataSource) : IReadModelStore
{
    private const string OrderColumns = "order_id, client_order_id, account_id, symbol, side, type, quantity, filled_quantity, limit_price, " +
                                        "stop_price, average_fill_price, status, product, time_in_force, strategy, created, updated, seq";

    public async Task<Order?> GetOrderAsync(string accountId, string orderId, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync($"SELECT {OrderColumns} FROM orders WHERE account_id = $1 AND order_id = $2", ReadOrder, cancellationToken,
            SqlParam.Of(accountId), SqlParam.Of(orderId)).ConfigureAwait(false);
        return rows.Count > 0 ? rows[0].Item : null;
    }

    public async Task<Page<Order>> ListOrdersAsync(string accountId, bool openOnly, PageRequest page, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync($"SELECT {OrderColumns} FROM orders WHERE account_id = $1 AND seq < $2 AND (NOT $3 OR status IN (1, 3, 4)) ORDER BY seq DESC LIMIT $4",
            ReadOrder, cancellationToken, SqlParam.Of(accountId), SqlParam.Of(page.TokenAsLong() ?? long.MaxValue), SqlParam.Of(openOnly),
            SqlParam.Of(page.Size + 1)).ConfigureAwait(false);
        return ToPage(rows, page.Size);
    }

    public async Task<Page<Trade>> ListTradesAsync(string accountId, PageRequest page, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync("SELECT trade_id, order_id, symbol, side, quantity, price, fees, time, seq FROM trades WHERE account_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3",
            ReadTrade, cancellationToken, SqlParam.Of(accountId), SqlParam.Of(page.TokenAsLong() ?? long.MaxValue), SqlParam.Of(page.Size + 1)).ConfigureAwait(false);
        return ToPage(rows, page.Size);
    }

    public async Task<IReadOnlyList<Position>> ListPositionsAsync(string accountId, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync("SELECT symbol, product, quantity, average_price, last_price, realized_pnl FROM positions WHERE account_id = $1 ORDER BY symbol COLLATE \"C\", product",
            ReadPosition, cancellationToken, SqlParam.Of(accountId)).ConfigureAwait(false);
        return rows.Select(r => r.Item).ToList();
    }

    public async Task<Page<AuditEvent>> ListAuditEventsAsync(string accountId, PageRequest page, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync("SELECT at, principal, action, account_id, outcome, detail, id FROM audit_log WHERE ($1 = '' OR account_id = $1) AND id < $2 ORDER BY id DESC LIMIT $3",
            ReadAudit, cancellationToken, SqlParam.Of(accountId), SqlParam.Of(page.TokenAsLong() ?? long.MaxValue), SqlParam.Of(page.Size + 1)).ConfigureAwait(false);
        return ToPage(rows, page.Size);
    }

    public async Task<Account?> GetAccountAsync(string accountId, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync("SELECT account_id, display_name, cash, state, limits FROM accounts WHERE account_id = $1", ReadAccount, cancellationToken,
            SqlParam.Of(accountId)).ConfigureAwait(false);
        return rows.Count > 0 ? rows[0].Item : null;
    }

    public async Task<Page<Account>> ListAccountsAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync("SELECT account_id, display_name, cash, state, limits FROM accounts WHERE account_id > $1 COLLATE \"C\" ORDER BY account_id COLLATE \"C\" LIMIT $2",
            ReadAccount, cancellationToken, SqlParam.Of(page.PageToken ?? ""), SqlParam.Of(page.Size + 1)).ConfigureAwait(false);
        return ToPage(rows, page.Size);
    }

    public async Task SaveBarsAsync(IReadOnlyList<Bar> bars, CancellationToken cancellationToken = default)
    {
        ReadModelRules.ValidateBars(bars);
        if (bars.Count == 0) return;
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO market_bars (symbol, start, open, high, low, close, volume)
            SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::numeric[], $4::numeric[], $5::numeric[], $6::numeric[], $7::bigint[])
            ON CONFLICT (symbol, start) DO UPDATE SET open = excluded.open, high = excluded.high, low = excluded.low,
                close = excluded.close, volume = excluded.volume
            """);
        var latest = bars.GroupBy(b => (b.Symbol, b.Start)).Select(g => g.Last()).ToArray();
        cmd.Parameters.Add(SqlParam.Of(latest.Select(b => b.Symbol).ToArray()));
        cmd.Parameters.Add(SqlParam.Of(latest.Select(b => b.Start.ToDateTime()).ToArray()));
        cmd.Parameters.Add(SqlParam.Of(latest.Select(b => ProtoDecimal.FromProto(b.Open)).ToArray()));
        cmd.Parameters.Add(SqlParam.Of(latest.Select(b => ProtoDecimal.FromProto(b.High)).ToArray()));
        cmd.Parameters.Add(SqlParam.Of(latest.Select(b => ProtoDecimal.FromProto(b.Low)).ToArray()));
        cmd.Parameters.Add(SqlParam.Of(latest.Select(b => ProtoDecimal.FromProto(b.Close)).ToArray()));
        cmd.Parameters.Add(SqlParam.Of(latest.Select(b => b.Volume).ToArray()));
        await PostgresGuard.RunAsync(() => cmd.ExecuteNonQueryAsync(cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Bar>> GetBarsAsync(string symbol, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync("SELECT symbol, start, open, high, low, close, volume FROM market_bars WHERE symbol = $1 AND start >= $2 AND start < $3 ORDER BY start",
            ReadBar, cancellationToken, SqlParam.Of(symbol), SqlParam.Of(from.UtcDateTime), SqlParam.Of(to.UtcDateTime)).ConfigureAwait(false);
        return rows.Select(r => r.Item).ToList();
    }

    private Task<List<(T Item, string Key)>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, (T, string)> read, CancellationToken ct, params NpgsqlParameter[] parameters) =>
        PostgresGuard.RunAsync(async () =>
        {
            await using var cmd = dataSource.CreateCommand(sql);
            cmd.Parameters.AddRange(parameters);
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            var list = new List<(T, string)>();
            while (await reader.ReadAsync(ct).ConfigureAwait(false)) list.Add(read(reader));
            return list;
        });

    private static Page<T> ToPage<T>(List<(T Item, string Key)> rows, int size) =>
        rows.Count > size
            ? new Page<T>(rows.Take(size).Select(r => r.Item).ToList(), rows[size - 1].Key)
            : new Page<T>(rows.Select(r => r.Item).ToList(), "");
}
