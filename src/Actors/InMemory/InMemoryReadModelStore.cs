using ActorTrading.Actors.Ports;
using ActorTrading.Api.V1;
using Google.Protobuf.WellKnownTypes;
using static ActorTrading.Actors.Model.ProtoDecimal;

namespace ActorTrading.Actors.InMemory;

/// <summary>Read models in this process, fed by <see cref="InMemoryAccountJournal"/> and <see cref="InMemoryAuditLog"/>.</summary>
public sealed class InMemoryReadModelStore : IReadModelStore
{
    private readonly Dictionary<(string, string), (long Seq, Order Order)> _orders = new();
    private readonly List<(string AccountId, long Seq, Trade Trade)> _trades = new();
    private readonly Dictionary<(string, string, Product), Position> _positions = new();
    private readonly SortedDictionary<string, Account> _accounts = new(StringComparer.Ordinal);
    private readonly List<(long Id, AuditRecord Record)> _audit = new();
    private readonly SortedDictionary<(string, long), Bar> _bars = new();
    private readonly Lock _gate = new();

    internal void Apply(ReadModelChanges changes)
    {
        lock (_gate)
        {
            foreach (var p in changes.Accounts.Values) ApplyAccount(p);
            foreach (var row in changes.NewOrders.Values) _orders.TryAdd((row.AccountId, row.Order.OrderId), (row.Seq, row.Order.Clone()));
            foreach (var p in changes.OrderPatches.Values)
            {
                if (!_orders.TryGetValue((p.AccountId, p.OrderId), out var o)) continue;
                if (p.Status is { } s && (s != OrderStatus.Open || o.Order.Status == OrderStatus.Accepted)) o.Order.Status = s;
                if (p.Quantity is { } q) o.Order.Quantity = ToProtoRounded(q);
                if (p.LimitPrice is { } l) o.Order.LimitPrice = ToProtoRounded(l);
                if (p.StopPrice is { } sp) o.Order.StopPrice = ToProtoRounded(sp);
                if (p.FilledQuantity is { } f) o.Order.FilledQuantity = ToProtoRounded(f);
                if (p.AverageFillPrice is { } a) o.Order.AverageFillPrice = ToProtoRounded(a);
                o.Order.Updated = Timestamp.FromDateTimeOffset(p.Updated);
            }
            foreach (var t in changes.Trades) _trades.Add((t.AccountId, t.Seq, t.Trade.Clone()));
            foreach (var (key, row) in changes.Positions) _positions[key] = row.Position.Clone();
        }
    }

    private void ApplyAccount(AccountPatch p)
    {
        if (p.Opened)
        {
            if (_accounts.ContainsKey(p.AccountId)) return;
            _accounts[p.AccountId] = new Account { AccountId = p.AccountId };
        }
        if (!_accounts.TryGetValue(p.AccountId, out var a)) return;
        if (p.DisplayName is not null) a.DisplayName = p.DisplayName;
        if (p.Cash is { } c) { a.Cash = ToProtoRounded(c); a.Equity = ToProtoRounded(c); }
        if (p.Limits is not null) a.Limits = p.Limits.Clone();
        if (p.State is { } s) a.State = s;
    }

    internal void AddAudit(AuditRecord r)
    {
        lock (_gate) _audit.Add((_audit.Count + 1, r));
    }

    public Task<Order?> GetOrderAsync(string accountId, string orderId, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_orders.TryGetValue((accountId, orderId), out var o) ? o.Order.Clone() : null);
    }

    public Task<Page<Order>> ListOrdersAsync(string accountId, bool openOnly, PageRequest page, CancellationToken cancellationToken = default)
    {
        long before = page.TokenAsLong() ?? long.MaxValue;
        lock (_gate)
        {
            var rows = _orders.Values.Where(o => o.Order.AccountId == accountId && o.Seq < before && (!openOnly || ReadModelRules.IsOpen(o.Order.Status)))
                .OrderByDescending(o => o.Seq).Take(page.Size + 1).ToList();
            return Task.FromResult(ToPage(rows, page.Size, r => r.Order.Clone(), r => r.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    public Task<Page<Trade>> ListTradesAsync(string accountId, PageRequest page, CancellationToken cancellationToken = default)
    {
        long before = page.TokenAsLong() ?? long.MaxValue;
        lock (_gate)
        {
            var rows = _trades.Where(t => t.AccountId == accountId && t.Seq < before).OrderByDescending(t => t.Seq).Take(page.Size + 1).ToList();
            return Task.FromResult(ToPage(rows, page.Size, r => r.Trade.Clone(), r => r.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    public Task<IReadOnlyList<Position>> ListPositionsAsync(string accountId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<Position> list = _positions.Where(p => p.Key.Item1 == accountId)
                .OrderBy(p => p.Key.Item2, StringComparer.Ordinal).ThenBy(p => p.Key.Item3).Select(p => p.Value.Clone()).ToList();
            return Task.FromResult(list);
        }
    }

    public Task<Page<AuditEvent>> ListAuditEventsAsync(string accountId, PageRequest page, CancellationToken cancellationToken = default)
    {
        long before = page.TokenAsLong() ?? long.MaxValue;
        lock (_gate)
        {
            var rows = _audit.Where(a => a.Id < before && (accountId.Length == 0 || a.Record.AccountId == accountId))
                .OrderByDescending(a => a.Id).Take(page.Size + 1).ToList();
            return Task.FromResult(ToPage(rows, page.Size, r => ReadModelRules.ToAuditEvent(r.Record), r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    public Task<Account?> GetAccountAsync(string accountId, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_accounts.TryGetValue(accountId, out var a) ? a.Clone() : null);
    }

    public Task<Page<Account>> ListAccountsAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var rows = _accounts.Values.Where(a => string.CompareOrdinal(a.AccountId, page.PageToken ?? "") > 0).Take(page.Size + 1).ToList();
            return Task.FromResult(ToPage(rows, page.Size, a => a.Clone(), a => a.AccountId));
        }
    }

    public Task SaveBarsAsync(IReadOnlyList<Bar> bars, CancellationToken cancellationToken = default)
    {
        ReadModelRules.ValidateBars(bars);
        lock (_gate)
            foreach (var b in bars) _bars[(b.Symbol, b.Start.ToDateTimeOffset().ToUnixTimeMilliseconds())] = b.Clone();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Bar>> GetBarsAsync(string symbol, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        long f = from.ToUnixTimeMilliseconds(), t = to.ToUnixTimeMilliseconds();
        lock (_gate)
        {
            IReadOnlyList<Bar> list = _bars.Where(kv => kv.Key.Item1 == symbol && kv.Key.Item2 >= f && kv.Key.Item2 < t).Select(kv => kv.Value.Clone()).ToList();
            return Task.FromResult(list);
        }
    }

    private static Page<TOut> ToPage<TIn, TOut>(List<TIn> rows, int size, Func<TIn, TOut> map, Func<TIn, string> token) =>
        rows.Count > size
            ? new Page<TOut>(rows.Take(size).Select(map).ToList(), token(rows[size - 1]))
            : new Page<TOut>(rows.Select(map).ToList(), "");
}
