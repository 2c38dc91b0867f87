using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Risk;

/// <summary>
/// Everything risk needs about one account at one moment. The account/position actors build it;
/// <see cref="RiskEngine"/> adds its own reservations on top (orders it approved that are not in
/// <see cref="OpenOrders"/> yet), so a stale snapshot can never let two intents share one slot.
/// <see cref="OrdersToday"/> and <see cref="TradesToday"/> include the orders listed in <see cref="OpenOrders"/>.
/// </summary>
public sealed record RiskSnapshot
{
    public required AccountId Account { get; init; }
    public TradingState State { get; init; } = TradingState.Active;
    public required decimal Equity { get; init; }
    public required decimal Cash { get; init; }
    public required decimal StartOfDayEquity { get; init; }
    /// <summary>Today's realized + unrealized P&amp;L.</summary>
    public decimal DayPnl { get; init; }
    public IReadOnlyList<PositionExposure> Positions { get; init; } = [];
    public IReadOnlyList<PendingOrder> OpenOrders { get; init; } = [];
    public int OrdersToday { get; init; }
    /// <summary>Orders today that opened or added exposure.</summary>
    public int TradesToday { get; init; }
    public RiskSettings Limits { get; init; } = RiskSettings.Default;
    public IReadOnlyDictionary<SymbolId, decimal> LastPrices { get; init; } = new Dictionary<SymbolId, decimal>();
    public required InstrumentCatalog Instruments { get; init; }

    public decimal PositionQuantity(SymbolId symbol, Product product)
    {
        foreach (var p in Positions) if (p.Symbol == symbol && p.Product == product) return p.Quantity;
        return 0;
    }
}
