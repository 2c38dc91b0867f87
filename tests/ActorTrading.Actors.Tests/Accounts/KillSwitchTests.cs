using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Tests.Accounts;

public sealed class KillSwitchTests
{
    [Fact]
    public async Task Halt_CancelAndFlatten_CancelsOpenOrdersFlattensAndRefusesNewOrdersUntilResumed()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        h.Place("buy", "NSE:TCS", Side.Buy, 10);
        h.Tick("NSE:TCS", 4000m);
        var working = h.Place("lim", "NSE:TCS", Side.Buy, 5, OrderType.Limit, limit: 3900m);
        h.Run();

        var changed = h.Ask<TradingStateChanged>(CoreHarness.Account(), new HaltRequest { AccountId = "acc-1", CancelOpenOrders = true, Flatten = true, Reason = "test" });
        Assert.Equal(TradingState.Halted, changed.State);
        h.Tick("NSE:TCS", 4000m);
        Assert.Equal(OrderStatus.Canceled, h.Ask<Order>(CoreHarness.Account(), new GetOrderRequest { AccountId = "acc-1", OrderId = working.OrderId }).Status);
        Assert.Empty(h.Ask<PortfolioSnapshot>(CoreHarness.Account(), new GetPortfolioRequest { AccountId = "acc-1" }).Positions);

        var denied = h.Place("after", "NSE:TCS", Side.Buy, 1);
        Assert.Equal(OrderStatus.Denied, denied.Status);
        Assert.Equal(DenialReason.TradingHalted, denied.DenialReason);

        var resumed = h.Ask<TradingStateChanged>(CoreHarness.Account(), new ResumeRequest { AccountId = "acc-1" });
        Assert.Equal(TradingState.Active, resumed.State);
        Assert.Equal(OrderStatus.Accepted, h.Place("again", "NSE:TCS", Side.Buy, 1).Status);
    }

    [Fact]
    public async Task Halt_ReducingMode_AllowsOnlyReducingOrders()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        h.Place("buy", "NSE:TCS", Side.Buy, 10);
        h.Tick("NSE:TCS", 4000m);
        Assert.Equal(TradingState.Reducing, h.Ask<TradingStateChanged>(CoreHarness.Account(), new HaltRequest { AccountId = "acc-1", Mode = TradingState.Reducing }).State);
        Assert.Equal(DenialReason.ReduceOnly, h.Place("more", "NSE:TCS", Side.Buy, 1).DenialReason);
        Assert.Equal(OrderStatus.Accepted, h.Place("less", "NSE:TCS", Side.Sell, 5).Status);
    }

    [Fact]
    public async Task SquareOff_MisPositionAtSquareOffTime_FlattenedAutomatically()
    {
        var start = new DateTimeOffset(2026, 1, 5, 9, 40, 0, TimeSpan.Zero); // 15:10 IST
        await using var h = new CoreHarness(start: start);
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        h.Place("buy", "NSE:TCS", Side.Buy, 10);
        h.Tick("NSE:TCS", 4000m);
        Assert.Single(h.Ask<PortfolioSnapshot>(CoreHarness.Account(), new GetPortfolioRequest { AccountId = "acc-1" }).Positions);
        h.Advance(TimeSpan.FromMinutes(6)); // 15:16 IST: past the 15:15 square-off
        h.Tick("NSE:TCS", 4000m);
        Assert.Empty(h.Ask<PortfolioSnapshot>(CoreHarness.Account(), new GetPortfolioRequest { AccountId = "acc-1" }).Positions);
        var orders = h.Ask<ListOrdersResponse>(CoreHarness.Account(), new ListOrdersRequest { AccountId = "acc-1" });
        Assert.Contains(orders.Orders, o => o.Strategy == "exit:squareoff" && o.Status == OrderStatus.Filled);
    }

    [Fact]
    public async Task StopLoss_PriceFallsThroughStop_PositionClosedByExitWatch()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var ack = h.Place("bracket", "NSE:TCS", Side.Buy, 10, stopLoss: 3950m, takeProfit: 4200m);
        Assert.Equal(OrderStatus.Accepted, ack.Status);
        h.Tick("NSE:TCS", 4000m);
        h.Tick("NSE:TCS", 3940m);
        h.Tick("NSE:TCS", 3940m);
        var portfolio = h.Ask<PortfolioSnapshot>(CoreHarness.Account(), new GetPortfolioRequest { AccountId = "acc-1" });
        Assert.Empty(portfolio.Positions);
        Assert.True(ProtoDecimal.FromProto(portfolio.RealizedPnl) < 0);
    }
}
