using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Tests.Support;

internal static class TestData
{
    public static readonly AccountId Account = new("acc-1");
    public static readonly SymbolId Reliance = new("NSE:RELIANCE");
    public static readonly SymbolId Tcs = new("NSE:TCS");
    public static readonly SymbolId Infy = new("NSE:INFY");
    public static readonly SymbolId Hdfc = new("NSE:HDFCBANK");
    public static readonly SymbolId Icici = new("NSE:ICICIBANK");
    public static readonly InstrumentCatalog Catalog = InstrumentCatalog.Default;
    public static InstrumentSpec Spec(SymbolId s) => Catalog.TryGet(s, out var spec) ? spec : throw new KeyNotFoundException(s.Value);

    /// <summary>Monday 2026-01-05 10:00 IST (04:30 UTC): the NSE is open.</summary>
    public static readonly DateTimeOffset MarketOpen = new(2026, 1, 5, 4, 30, 0, TimeSpan.Zero);

    private static int _cid;

    public static OrderRequest Buy(SymbolId symbol, decimal qty, OrderType type = OrderType.Market, decimal? limit = null,
        decimal? stopLoss = null, decimal? takeProfit = null, string? clientId = null, Product product = Product.Mis) => new()
    {
        Account = Account, ClientOrderId = new(clientId ?? "c" + Interlocked.Increment(ref _cid)), Symbol = symbol, Side = Side.Buy,
        Type = type, Quantity = qty, LimitPrice = limit, StopLoss = stopLoss, TakeProfit = takeProfit, Product = product,
    };

    public static OrderRequest Sell(SymbolId symbol, decimal qty, OrderType type = OrderType.Market, decimal? limit = null,
        string? clientId = null, Product product = Product.Mis) =>
        Buy(symbol, qty, type, limit, clientId: clientId, product: product) with { Side = Side.Sell };

    public static RiskSnapshot Snapshot(decimal equity = 1_000_000m, decimal? cash = null, RiskSettings? limits = null,
        IReadOnlyList<PositionExposure>? positions = null, IReadOnlyList<PendingOrder>? open = null,
        int ordersToday = 0, int tradesToday = 0, decimal dayPnl = 0, TradingState state = TradingState.Active) => new()
    {
        Account = Account, Equity = equity, Cash = cash ?? equity, StartOfDayEquity = equity, DayPnl = dayPnl,
        Positions = positions ?? [], OpenOrders = open ?? [], OrdersToday = ordersToday, TradesToday = tradesToday,
        Limits = limits ?? RiskSettings.Default, State = state, Instruments = Catalog,
        LastPrices = new Dictionary<SymbolId, decimal>
        {
            [Reliance] = 2900m, [Tcs] = 4000m, [Infy] = 1800m, [Hdfc] = 1650m, [Icici] = 1250m,
        },
    };

    public static MarketTick Tick(SymbolId s, decimal bid, decimal ask, decimal last, long volume, DateTimeOffset time, long seq = 0) =>
        new(s, bid, ask, last, volume, time, seq);
}
