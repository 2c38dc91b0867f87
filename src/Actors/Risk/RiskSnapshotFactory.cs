using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Risk;

/// <summary>
/// Builds a <see cref="RiskSnapshot"/> from the account's own state, so every actor derives it the same way.
/// Equity = cash + Σ position quantity × last price (cash moves by the full notional on every fill). An open order
/// counts as opening unless it is on the opposite side of the current net position of its symbol+product.
/// Orders today = orders accepted at or after <paramref name="sessionStart"/> (denials are not orders);
/// trades today is counted by the account from <see cref="RiskDecision.Reduces"/>.
/// </summary>
public static class RiskSnapshotFactory
{
    public static RiskSnapshot Create(AccountId account, TradingState state, decimal cash, decimal startOfDayEquity,
        PositionBook positions, OrderBook orders, DateTimeOffset sessionStart, int tradesToday, RiskSettings limits,
        IReadOnlyDictionary<SymbolId, decimal> lastPrices, InstrumentCatalog instruments)
    {
        var exposures = new List<PositionExposure>();
        var equity = cash;
        foreach (var p in positions.All)
        {
            equity += p.MarketValue;
            if (!p.IsFlat) exposures.Add(PositionExposure.From(p));
        }
        var pending = new List<PendingOrder>();
        var ordersToday = 0;
        foreach (var o in orders.All())
        {
            if (o.Status != OrderStatus.Denied && o.Created >= sessionStart) ordersToday++;
            if (!o.IsActive) continue;
            var held = positions.TryGet(o.Symbol, o.Request.Product, out var p) ? p.Quantity : 0;
            var opening = held == 0 || (held > 0) == (o.Side == Side.Buy);
            var price = o.LimitPrice ?? o.StopPrice ?? lastPrices.GetValueOrDefault(o.Symbol);
            pending.Add(new PendingOrder(o.ClientOrderId, o.Symbol, o.Request.Product, o.Side, o.RemainingQuantity, price, opening));
        }
        return new RiskSnapshot
        {
            Account = account, State = state, Equity = equity, Cash = cash, StartOfDayEquity = startOfDayEquity, DayPnl = positions.DayPnl,
            Positions = exposures, OpenOrders = pending, OrdersToday = ordersToday, TradesToday = tradesToday, Limits = limits,
            LastPrices = lastPrices, Instruments = instruments,
        };
    }
}
