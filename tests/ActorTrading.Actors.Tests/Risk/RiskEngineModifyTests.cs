using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Actors.Tests.Support;
using ActorTrading.Api.V1;
using static ActorTrading.Actors.Tests.Support.TestData;

namespace ActorTrading.Actors.Tests.Risk;

public class RiskEngineModifyTests
{
    private readonly ManualTimeProvider _time = new(MarketOpen);
    private RiskEngine Engine() => new(MarketCalendar.Nse(), _time);

    private static PendingOrder Open(OrderRequest r, decimal price) => new(r.ClientOrderId, r.Symbol, r.Product, r.Side, r.Quantity, price, true);

    [Fact]
    public void EvaluateModify_Increase_ChecksAgainstOthersWithoutTheOrdersOldEntry()
    {
        var engine = Engine();
        var order = Buy(Tcs, 10, OrderType.Limit, 4000m);
        // cash 100k: the order's own 40k must not count twice when it grows to 20 (80k)
        var s = Snapshot(equity: 100_000m, limits: RiskSettings.Default with { MaxPositionPercent = 100m }, open: [Open(order, 4000m)]);
        var d = engine.EvaluateModify(order, 10, order with { Quantity = 20 }, s);
        Assert.True(d.Approved, d.Denial?.Message);
        var replacement = Assert.Single(engine.Replacements);
        Assert.Equal(20m, replacement.Quantity);
    }

    [Fact]
    public void EvaluateModify_Approved_LaterIntentOnStaleSnapshotSeesTheNewSize()
    {
        var engine = Engine();
        var order = Buy(Tcs, 10, OrderType.Limit, 4000m);
        var s = Snapshot(equity: 100_000m, limits: RiskSettings.Default with { MaxPositionPercent = 100m }, open: [Open(order, 4000m)]);
        Assert.True(engine.EvaluateModify(order, 10, order with { Quantity = 20 }, s).Approved);
        var next = engine.Evaluate(Buy(Infy, 15, OrderType.Limit, 1800m), s);      // 27k: fits next to 40k, not next to 80k
        Assert.Equal(DenialReason.InsufficientFunds, next.Denial!.Reason);
        Assert.Contains("reserved by pending orders 80000", next.Denial.Message);
        engine.Release(order.ClientOrderId);
        Assert.Empty(engine.Replacements);
        Assert.True(engine.Evaluate(Buy(Infy, 15, OrderType.Limit, 1800m), s).Approved);
    }

    [Fact]
    public void EvaluateModify_OnlyShrinks_ApprovedEvenWhenHalted()
    {
        var engine = Engine();
        var order = Buy(Tcs, 10, OrderType.Limit, 4000m);
        var s = Snapshot(state: TradingState.Halted, open: [Open(order, 4000m)]);
        Assert.True(engine.EvaluateModify(order, 10, order with { Quantity = 4 }, s).Approved);
        var grow = engine.EvaluateModify(order, 10, order with { Quantity = 11 }, s);
        Assert.Equal(DenialReason.TradingHalted, grow.Denial!.Reason);
        Assert.StartsWith("modification of " + order.ClientOrderId + " (10 @ 4000 -> 11 @ 4000) refused:", grow.Denial.Message);
    }

    [Fact]
    public void EvaluateModify_PriceChange_PriceBandAndNotionalChecked()
    {
        var engine = Engine();
        var order = Buy(Tcs, 10, OrderType.Limit, 4000m);
        var s = Snapshot(limits: RiskSettings.Default with { MaxOrderNotional = 41_000m }, open: [Open(order, 4000m)]);
        Assert.Equal(DenialReason.PriceBand, engine.EvaluateModify(order, 10, order with { LimitPrice = 4300m }, s).Denial!.Reason);
        Assert.Equal(DenialReason.MaxOrderNotional, engine.EvaluateModify(order, 10, order with { LimitPrice = 4150m }, s).Denial!.Reason);
        Assert.True(engine.EvaluateModify(order, 10, order with { LimitPrice = 4050m }, s).Approved);
    }

    [Fact]
    public void EvaluateModify_DoesNotChargeRateOrDailyCounters()
    {
        var engine = Engine();
        var order = Buy(Tcs, 1, OrderType.Limit, 4000m);
        var limits = RiskSettings.Default with { OrdersPerSecond = 1, OrderBurst = 1, MaxOrdersPerDay = 1 };
        var s = Snapshot(limits: limits, ordersToday: 1, tradesToday: 1, open: [Open(order, 4000m)]);
        for (var i = 2; i < 6; i++) Assert.True(engine.EvaluateModify(order, i - 1, order with { Quantity = i }, s).Approved);
    }
}
