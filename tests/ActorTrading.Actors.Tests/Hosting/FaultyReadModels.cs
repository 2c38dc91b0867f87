using ActorTrading.Actors.Ports;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Tests.Hosting;

/// <summary>Read models that count the order/trade queries and can be made unavailable (<see cref="Down"/>) on demand.</summary>
internal sealed class FaultyReadModels(IReadModelStore inner) : IReadModelStore
{
    public bool Down { get; set; }

    /// <summary>GetOrder, ListOrders and ListTrades queries handed in.</summary>
    public int Queries { get; private set; }

    private Task<T> Query<T>(Func<Task<T>> run)
    {
        Queries++;
        return Down ? Task.FromException<T>(new JournalUnavailableException("read models are down (test)", new IOException("test"))) : run();
    }

    public Task<Order?> GetOrderAsync(string accountId, string orderId, CancellationToken cancellationToken = default) =>
        Query(() => inner.GetOrderAsync(accountId, orderId, cancellationToken));

    public Task<Page<Order>> ListOrdersAsync(string accountId, bool openOnly, PageRequest page, CancellationToken cancellationToken = default) =>
        Query(() => inner.ListOrdersAsync(accountId, openOnly, page, cancellationToken));

    public Task<Page<Trade>> ListTradesAsync(string accountId, PageRequest page, CancellationToken cancellationToken = default) =>
        Query(() => inner.ListTradesAsync(accountId, page, cancellationToken));

    public Task<IReadOnlyList<Position>> ListPositionsAsync(string accountId, CancellationToken cancellationToken = default) =>
        inner.ListPositionsAsync(accountId, cancellationToken);

    public Task<Page<AuditEvent>> ListAuditEventsAsync(string accountId, PageRequest page, CancellationToken cancellationToken = default) =>
        inner.ListAuditEventsAsync(accountId, page, cancellationToken);

    public Task<Account?> GetAccountAsync(string accountId, CancellationToken cancellationToken = default) => inner.GetAccountAsync(accountId, cancellationToken);

    public Task<Page<Account>> ListAccountsAsync(PageRequest page, CancellationToken cancellationToken = default) => inner.ListAccountsAsync(page, cancellationToken);

    public Task SaveBarsAsync(IReadOnlyList<Bar> bars, CancellationToken cancellationToken = default) => inner.SaveBarsAsync(bars, cancellationToken);

    public Task<IReadOnlyList<Bar>> GetBarsAsync(string symbol, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        inner.GetBarsAsync(symbol, from, to, cancellationToken);
}
