using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Api.V1;
using static ActorTrading.Actors.Tests.Support.TestData;

namespace ActorTrading.Actors.Tests.Risk;

public class TradingStateTests
{
    [Fact]
    public void Resume_WithLossStillBreached_LandsInReducing()
    {
        Assert.Equal(TradingState.Reducing, TradingStateMachine.Resume(Snapshot(equity: 100_000m, dayPnl: -4_000m, state: TradingState.Halted)));
        Assert.Equal(TradingState.Active, TradingStateMachine.Resume(Snapshot(state: TradingState.Halted)));
    }

    [Fact]
    public void StartDay_KeepsHaltResetsReducing()
    {
        Assert.Equal(TradingState.Halted, TradingStateMachine.StartDay(TradingState.Halted));
        Assert.Equal(TradingState.Active, TradingStateMachine.StartDay(TradingState.Reducing));
        Assert.Equal(TradingState.Halted, TradingStateMachine.Halt(TradingState.Reducing));
    }

    [Fact]
    public void HaltPlan_Flatten_CancelsOpenOrdersAndExitsEveryPosition()
    {
        var book = new OrderBook(ActorTrading.Actors.Tests.Support.TestData.Account);
        var open = book.Accept(Buy(Tcs, 1, OrderType.Limit, 3900m), MarketOpen).Order;
        var filled = book.Accept(Buy(Infy, 1), MarketOpen).Order;
        book.Fill(filled.OrderId, 1, 1800m, MarketOpen);
        var positions = new PositionBook();
        positions.Apply(new Fill("1", filled.OrderId, Infy, Side.Buy, Product.Mis, 1, 1800m, 0, MarketOpen));
        positions.Apply(new Fill("2", new OrderId("O9"), Hdfc, Side.Sell, Product.Cnc, 4, 1650m, 0, MarketOpen));
        var plan = HaltPlan.Create(book.OpenOrders(), positions.All, cancelOpenOrders: false, flatten: true);
        Assert.Equal([open.OrderId], plan.OrdersToCancel);
        Assert.Equal(2, plan.Exits.Count);
        Assert.Contains(plan.Exits, e => e.Symbol == Hdfc && e.Side == Side.Buy && e.Quantity == 4 && e.Product == Product.Cnc);
    }

    [Fact]
    public void HaltPlan_NoOptions_DoesNothingButHalt()
    {
        var plan = HaltPlan.Create([], new PositionBook().All, false, false);
        Assert.Empty(plan.OrdersToCancel);
        Assert.Empty(plan.Exits);
    }
}
