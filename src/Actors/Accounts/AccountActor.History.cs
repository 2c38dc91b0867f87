using System.Globalization;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Ports;
using ActorTrading.Api.V1;
using ActorTrading.Runtime;

namespace ActorTrading.Actors.Accounts;

/// <summary>
/// GetOrder, ListOrders, ListTrades. Memory answers what it holds completely: everything newer than the snapshot the
/// activation was restored from (<see cref="AccountState.OrdersFloor"/>) and than the oldest trade trimmed
/// (<see cref="AccountState.TradesFloor"/>). What is older comes from the read models (<see cref="TradingCoreOptions.ReadModels"/>),
/// asked only once everything the request must see is durable. Page tokens are one keyset format for both sources, the
/// read models' own: the seq of the page's last item (decimal), so paging across a re-activation has no duplicates or gaps.
/// </summary>
public sealed partial class AccountActor
{
    private IReadModelStore? History => _services.Options.ReadModels;

    private Task GetOrder(IContext context, GetOrderRequest m)
    {
        if (!OrderId.TryParse(m.OrderId, out var id)) return ReplyRead(context, context.Sender, OrderNotFound(m.OrderId));
        var inMemory = _state.Orders.TryGet(id, out var order) ? HistoryShapes.FromMemory(order) : null;
        if (History is not { } store || AccountState.SequenceOf(id) > _state.OrdersFloor)
            return ReplyRead(context, context.Sender, (object?)inMemory ?? OrderNotFound(m.OrderId));
        var account = _id.Value;
        return ReplyFromStore(context, context.Sender, ct => store.GetOrderAsync(account, id.Value, ct),
            stored => stored is not null ? HistoryShapes.FromStore(stored) : (object?)inMemory ?? OrderNotFound(m.OrderId));
    }

    private Cluster.V1.CommandFailed OrderNotFound(string orderId) => Failures.NotFound($"order '{orderId}' not found in account {_id}", "order_id");

    private Task ListOrders(IContext context, ListOrdersRequest m)
    {
        if (!TryPage(m.PageSize, m.PageToken, out var size, out var before, out var failure)) return Reply(context, context.Sender, failure!);
        var store = History;
        var floor = store is null ? 0 : _state.OrdersFloor;
        var memory = _state.OrdersNewestFirst(floor, before, m.OpenOnly).Take(size + 1).ToList();
        var response = new ListOrdersResponse();
        foreach (var (_, o) in memory.Take(size)) response.Orders.Add(HistoryShapes.FromMemory(o));
        if (memory.Count > size) response.NextPageToken = Token(memory[size - 1].Seq);
        if (memory.Count > size || floor == 0 || before <= 1) return ReplyRead(context, context.Sender, response);
        var account = _id.Value;
        var want = size - memory.Count;
        var last = memory.Count > 0 ? memory[^1].Seq : 0;
        return ReplyFromStore(context, context.Sender, ct => store!.ListOrdersAsync(account, m.OpenOnly, OlderThan(before, floor, want), ct), page =>
        {
            if (want == 0) response.NextPageToken = page.Items.Count > 0 ? Token(last) : "";
            else
            {
                foreach (var o in page.Items) response.Orders.Add(HistoryShapes.FromStore(o));
                response.NextPageToken = StoreToken(page.NextPageToken);
            }
            return response;
        });
    }

    private Task ListTrades(IContext context, ListTradesRequest m)
    {
        if (!TryPage(m.PageSize, m.PageToken, out var size, out var before, out var failure)) return Reply(context, context.Sender, failure!);
        var store = History;
        var floor = store is null ? 0 : _state.TradesFloor;
        var memory = _state.TradesNewestFirst(floor, before).Take(size + 1).ToList();
        var response = new ListTradesResponse();
        foreach (var (_, t) in memory.Take(size)) response.Trades.Add(HistoryShapes.FromMemory(t));
        if (memory.Count > size) response.NextPageToken = Token(memory[size - 1].Seq);
        if (memory.Count > size || floor == 0 || before <= 1) return ReplyRead(context, context.Sender, response);
        var account = _id.Value;
        var want = size - memory.Count;
        var last = memory.Count > 0 ? memory[^1].Seq : 0;
        return ReplyFromStore(context, context.Sender, ct => store!.ListTradesAsync(account, OlderThan(before, floor, want), ct), page =>
        {
            if (want == 0) response.NextPageToken = page.Items.Count > 0 ? Token(last) : "";
            else
            {
                foreach (var t in page.Items) response.Trades.Add(HistoryShapes.FromStore(t));
                response.NextPageToken = StoreToken(page.NextPageToken);
            }
            return response;
        });
    }

    /// <summary>The store's page of what memory may lack: seq ≤ floor and &lt; before; one row when only "is there more?" is asked.</summary>
    private static PageRequest OlderThan(long before, long floor, int want) =>
        new(Math.Max(want, 1), Math.Min(before, floor + 1).ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Like <see cref="ReplyRead"/>, but the answer needs the read models: the query starts once everything staged before
    /// the request is durable (so the store has all the request must show) and the reply is built from its result. A store
    /// that fails or is unreachable: UNAVAILABLE.
    /// </summary>
    private Task ReplyFromStore<T>(IContext context, PID? to, Func<CancellationToken, Task<T>> query, Func<T, object> answer)
    {
        if (to is null) return Task.CompletedTask;
        var account = _id;
        WhenDurable(context, c =>
        {
            Task<T> task;
            try { task = query(CancellationToken.None); }
            catch (Exception e) { task = Task.FromException<T>(e); }
            c.ReenterAfter(task, t =>
            {
                object reply;
                try { reply = t.IsCompletedSuccessfully ? answer(t.Result) : Unreadable(account, t.Exception?.GetBaseException()); }
                catch (Exception e) { reply = Unreadable(account, e); }
                c.Send(to, reply);
                return Task.CompletedTask;
            });
        }, c => c.Send(to, Failures.Unavailable($"account {account}: a journal append failed before this read could be answered; retry")));
        return Task.CompletedTask;
    }

    private static Cluster.V1.CommandFailed Unreadable(AccountId account, Exception? e) =>
        Failures.Unavailable($"account {account}: the order and trade history (read models) could not be read: {e?.Message ?? "canceled"}; retry");

    private static bool TryPage(int pageSize, string token, out int size, out long before, out Cluster.V1.CommandFailed? failure)
    {
        size = pageSize == 0 ? DefaultPageSize : pageSize;
        before = long.MaxValue;
        failure = null;
        if (pageSize < 0 || pageSize > MaxPageSize) { failure = Failures.Invalid("page_size", $"page_size must be 0..{MaxPageSize}"); return false; }
        if (string.IsNullOrEmpty(token)) return true;
        if (long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out before) && before > 0) return true;
        before = long.MaxValue;
        failure = Failures.Invalid("page_token", "page_token is not one this server issued");
        return false;
    }

    /// <summary>The token of a page whose last item has <paramref name="seq"/>: the next page lists seq &lt; it (the read models' token format).</summary>
    private static string Token(long seq) => seq.ToString(CultureInfo.InvariantCulture);

    private static string StoreToken(string storeToken) =>
        storeToken.Length == 0 ? "" : Token(long.Parse(storeToken, NumberStyles.None, CultureInfo.InvariantCulture));
}
