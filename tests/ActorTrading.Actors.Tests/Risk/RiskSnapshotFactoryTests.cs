using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Api.V1;
using static ActorTrading.Actors.Tests.Support.TestData;

namespace ActorTrading.Actors.Tests.Risk;

public class RiskSnapshotFactoryTests
{
    [Fact]
    public void Create_DerivesEquityExposuresPendingAndCounters()
    {
        var orders = new OrderBook(ActorTrading.Actors.Tests.Support.TestData.Account);
        var positions = new PositionBook();
        var entry = orders.Accept(Buy(Tcs, 10), MarketOpen).Order;
        orders.Fill(entry.OrderId, 10, 4000m, MarketOpen);
        positions.Apply(new Fill("T1", entry.OrderId, Tcs, Side.Buy, Product.Mis, 10, 4000m, 0, MarketOpen));
        positions.Mark(Tcs, 4010m);
        orders.Accept(Sell(Tcs, 4, OrderType.Limit, 4050m), MarketOpen);      // exit: not opening
        orders.Accept(Buy(Infy, 2, OrderType.Limit, 1790m), MarketOpen);      // new position: opening
        orders.Deny(Buy(Hdfc, 1), DenialReason.MaxOpenPositions, "max", MarketOpen);
        orders.Accept(Buy(Icici, 1), MarketOpen.AddDays(-1));                  // yesterday

        var s = RiskSnapshotFactory.Create(ActorTrading.Actors.Tests.Support.TestData.Account, TradingState.Active, 60_000m, 100_000m, positions, orders, new DateTimeOffset(MarketOpen.UtcDateTime.Date, TimeSpan.Zero), 2,
            RiskSettings.Default, new Dictionary<SymbolId, decimal> { [Tcs] = 4010m, [Icici] = 1250m }, InstrumentCatalog.Default);

        Assert.Equal(60_000m + 40_100m, s.Equity);
        Assert.Equal(100m, s.DayPnl);
        Assert.Equal(new PositionExposure(Tcs, Product.Mis, 10, 4010m), Assert.Single(s.Positions));
        Assert.Equal(3, s.OpenOrders.Count);
        Assert.False(s.OpenOrders.Single(o => o.Symbol == Tcs).Opening);
        Assert.True(s.OpenOrders.Single(o => o.Symbol == Infy).Opening);
        Assert.Equal(1250m, s.OpenOrders.Single(o => o.Symbol == Icici).Price);
        Assert.Equal((3, 2), (s.OrdersToday, s.TradesToday));
    }
}
