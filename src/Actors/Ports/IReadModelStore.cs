using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Ports;

/// <summary>
/// Queries over the read models the journal projects in the same transaction as the events
/// (<see cref="ReadModelProjector"/> defines what each event changes), plus market bars.
/// Listings are newest first except accounts (by id) and bars (by time).
/// </summary>
public interface IReadModelStore
{
    Task<Order?> GetOrderAsync(string accountId, string orderId, CancellationToken cancellationToken = default);

    Task<Page<Order>> ListOrdersAsync(string accountId, bool openOnly, PageRequest page, CancellationToken cancellationToken = default);

    Task<Page<Trade>> ListTradesAsync(string accountId, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Open and closed positions of the account (quantity 0 = flat), by symbol.</summary>
    Task<IReadOnlyList<Position>> ListPositionsAsync(string accountId, CancellationToken cancellationToken = default);

    /// <summary>Audit entries of one account, or of all when <paramref name="accountId"/> is empty.</summary>
    Task<Page<AuditEvent>> ListAuditEventsAsync(string accountId, PageRequest page, CancellationToken cancellationToken = default);

    Task<Account?> GetAccountAsync(string accountId, CancellationToken cancellationToken = default);

    Task<Page<Account>> ListAccountsAsync(PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces 1-minute bars (keyed by symbol and start).</summary>
    Task SaveBarsAsync(IReadOnlyList<Bar> bars, CancellationToken cancellationToken = default);

    /// <summary>Bars of <paramref name="symbol"/> with from &lt;= start &lt; to, oldest first.</summary>
    Task<IReadOnlyList<Bar>> GetBarsAsync(string symbol, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}
