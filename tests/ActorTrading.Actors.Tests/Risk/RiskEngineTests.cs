using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Actors.Tests.Support;
using ActorTrading.Api.V1;
using static ActorTrading.Actors.Tests.Support.TestData;

namespace ActorTrading.Actors.Tests.Risk;

public class RiskEngineTests
{
    private readonly ManualTimeProvider _time = new(MarketOpen);
    private RiskEngine Engine() => new(MarketCalendar.Nse(), _time);

    [Fact]
    public void Evaluate_ValidOrder_ApprovesAndReserves()
    {
        var engine = Engine();
        var d = engine.Evaluate(Buy(Tcs, 10), Snapshot());
        Assert.True(d.Approved);
        Assert.Equal(10m, d.Quantity);
        Assert.Single(engine.Reservations);
    }

    [Fact]
    public void Evaluate_TwoIntentsOnStaleSnapshot_OnlyOneTakesTheLastPositionSlot()
    {
        var engine = Engine();
        var s = Snapshot(positions: [new(Tcs, Product.Mis, 1, 4000m), new(Infy, Product.Mis, 1, 1800m)]);
        var first = engine.Evaluate(Buy(Reliance, 1), s);
        var second = engine.Evaluate(Buy(Hdfc, 1), s);
        Assert.True(first.Approved);
        Assert.False(second.Approved);
        Assert.Equal("max open positions 3 reached (2 open, 1 pending)", second.Denial!.Message);
    }

    [Fact]
    public void Evaluate_TwoIntentsOnStaleSnapshot_OnlyOneFitsTheCash()
    {
        var engine = Engine();
        var s = Snapshot(equity: 1_000_000m, cash: 6_000m);
        Assert.True(engine.Evaluate(Buy(Tcs, 1), s).Approved);
        var second = engine.Evaluate(Buy(Tcs, 1), s);
        Assert.Equal(DenialReason.InsufficientFunds, second.Denial!.Reason);
    }

    [Fact]
    public void Evaluate_ReservationCountsTowardTradesPerDay_UntilVisibleInSnapshot()
    {
        var engine = Engine();
        var s = Snapshot(tradesToday: 4, ordersToday: 4);
        var a = Buy(Tcs, 1);
        Assert.True(engine.Evaluate(a, s).Approved);
        Assert.Equal(DenialReason.MaxTradesPerDay, engine.Evaluate(Buy(Infy, 1), s).Denial!.Reason);
        // the account now shows the order: counted once, not twice
        var seen = Snapshot(tradesToday: 5, ordersToday: 5, open: [new(a.ClientOrderId, Tcs, Product.Mis, Side.Buy, 1, 4000m, true)]);
        Assert.Equal("max trades per day 5 reached (5 today)", engine.Evaluate(Buy(Infy, 1), seen).Denial!.Message);
    }

    [Fact]
    public void Release_FreesTheSlot()
    {
        var engine = Engine();
        var s = Snapshot(positions: [new(Tcs, Product.Mis, 1, 4000m), new(Infy, Product.Mis, 1, 1800m)]);
        var first = Buy(Reliance, 1);
        engine.Evaluate(first, s);
        Assert.True(engine.Release(first.ClientOrderId));
        Assert.True(engine.Evaluate(Buy(Hdfc, 1), s).Approved);
    }

    [Fact]
    public void Evaluate_SameClientOrderIdTwice_IsIdempotent()
    {
        var engine = Engine();
        var r = Buy(Tcs, 0, stopLoss: 3990m);
        var a = engine.Evaluate(r, Snapshot());
        var b = engine.Evaluate(r, Snapshot());
        Assert.Equal(a, b);
        Assert.Single(engine.Reservations);
    }

    [Fact]
    public void Evaluate_ExitOfPosition_IsApprovedAsReducing()
    {
        var d = Engine().Evaluate(Sell(Tcs, 0), Snapshot(positions: [new(Tcs, Product.Mis, 7, 4000m)], tradesToday: 5));
        Assert.Equal((true, 7m, true), (d.Approved, d.Quantity, d.Reduces));
    }

    [Fact]
    public void Evaluate_UnknownSymbol_IsDenied() =>
        Assert.Equal(DenialReason.UnknownSymbol, Engine().Evaluate(Buy(new SymbolId("NSE:NOPE"), 1), Snapshot()).Denial!.Reason);

    [Fact]
    public void Evaluate_DailyLossBreached_DeniesAndAsksForReducing()
    {
        var d = Engine().Evaluate(Buy(Tcs, 1), Snapshot(equity: 100_000m, dayPnl: -5_000m));
        Assert.Equal(DenialReason.MaxDailyLoss, d.Denial!.Reason);
        Assert.Equal(TradingState.Reducing, d.NewState);
    }

    [Fact]
    public void Evaluate_RateLimit_DeniesBurstUntilTimePasses()
    {
        var engine = Engine();
        var limits = new RiskSettings { OrdersPerSecond = 2, OrderBurst = 2, MaxTradesPerDay = 100, MaxOpenPositions = 100 };
        var s = Snapshot(limits: limits);
        Assert.True(engine.Evaluate(Buy(Tcs, 1), s).Approved);
        Assert.True(engine.Evaluate(Buy(Tcs, 1), s).Approved);
        Assert.Equal(DenialReason.RateLimit, engine.Evaluate(Buy(Tcs, 1), s).Denial!.Reason);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(engine.Evaluate(Buy(Tcs, 1), s).Approved);
    }

    [Fact]
    public void Evaluate_OrderOfRules_HaltedBeatsEverything()
    {
        var s = Snapshot(state: TradingState.Halted, ordersToday: 1000, dayPnl: -1_000_000m);
        Assert.Equal(DenialReason.TradingHalted, Engine().Evaluate(Buy(new SymbolId("NSE:NOPE"), 1), s).Denial!.Reason);
    }

    [Fact]
    public void StateAfterMark_LossBreached_ReturnsReducing()
    {
        Assert.Equal(TradingState.Reducing, RiskEngine.StateAfterMark(Snapshot(equity: 100_000m, dayPnl: -3_000m)));
        Assert.Null(RiskEngine.StateAfterMark(Snapshot(equity: 100_000m, dayPnl: -100m)));
    }
}
