using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Accounts;

/// <summary>
/// Account → risk: the state risk checks against (cash, positions, working orders, day counters, limits), and the client
/// order ids whose reservations the account has made visible (accepted: now in <see cref="OpenOrders"/>) or settled.
/// Immutable: a new view after every change.
/// </summary>
public sealed record AccountView(
    AccountId Account,
    TradingState State,
    decimal Cash,
    decimal Equity,
    decimal StartOfDayEquity,
    decimal DayPnl,
    IReadOnlyList<PositionExposure> Positions,
    IReadOnlyList<PendingOrder> OpenOrders,
    int OrdersToday,
    int TradesToday,
    RiskSettings Limits,
    IReadOnlyDictionary<SymbolId, decimal> LastPrices,
    IReadOnlyList<ClientOrderId> Released,
    bool Blocked)
{
    public RiskSnapshot ToSnapshot(InstrumentCatalog instruments) => new()
    {
        Account = Account, State = State, Equity = Equity, Cash = Cash, StartOfDayEquity = StartOfDayEquity, DayPnl = DayPnl,
        Positions = Positions, OpenOrders = OpenOrders, OrdersToday = OrdersToday, TradesToday = TradesToday, Limits = Limits,
        LastPrices = LastPrices, Instruments = instruments,
    };
}
