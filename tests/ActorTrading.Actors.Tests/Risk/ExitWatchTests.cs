using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Actors.Tests.Support;
using ActorTrading.Api.V1;
using Position = ActorTrading.Actors.Model.Position;

namespace ActorTrading.Actors.Tests.Risk;

public class ExitWatchTests
{
    private static readonly PositionKey Key = new(TestData.Tcs, Product.Mis);

    [Fact]
    public void OnPrice_StopLossHit_ExitsAndDisarmsTarget()
    {
        var w = new ExitWatch();
        w.Arm(Key, 10, stopLoss: 98, takeProfit: 105, trailDistance: null, referencePrice: 100);
        var exits = new List<ExitIntent>();
        Assert.Equal(0, w.OnPrice(TestData.Tcs, 99, exits));
        Assert.Equal(1, w.OnPrice(TestData.Tcs, 97.95m, exits));
        Assert.Equal(new ExitIntent(Key, Side.Sell, 10, ExitReason.StopLoss, 97.95m, 98), exits[0]);
        Assert.Equal(0, w.OnPrice(TestData.Tcs, 106, exits)); // OCO: target no longer armed
        Assert.Single(exits);
    }

    [Fact]
    public void OnPrice_ShortTakeProfit_BuysBack()
    {
        var w = new ExitWatch();
        w.Arm(Key, -5, stopLoss: 102, takeProfit: 95, trailDistance: null, referencePrice: 100);
        var exits = new List<ExitIntent>();
        w.OnPrice(TestData.Tcs, 94.5m, exits);
        Assert.Equal((Side.Buy, 5m, ExitReason.TakeProfit), (exits[0].Side, exits[0].Quantity, exits[0].Reason));
    }

    [Fact]
    public void OnPrice_TrailingStop_FollowsHighAndNeverLowers()
    {
        var w = new ExitWatch();
        w.Arm(Key, 10, stopLoss: null, takeProfit: null, trailDistance: 2, referencePrice: 100);
        var exits = new List<ExitIntent>();
        w.OnPrice(TestData.Tcs, 105, exits);
        w.OnPrice(TestData.Tcs, 104, exits);
        Assert.True(w.TryGet(Key, out var b));
        Assert.Equal(103m, b.TrailingStop);
        w.OnPrice(TestData.Tcs, 103.5m, exits);
        Assert.Empty(exits);
        w.OnPrice(TestData.Tcs, 103m, exits);
        Assert.Equal(ExitReason.TrailingStop, exits.Single().Reason);
        Assert.Equal(103m, exits[0].Level);
    }

    [Fact]
    public void OnPositionChanged_FlatOrFlipped_Disarms()
    {
        var w = new ExitWatch();
        w.Arm(Key, 10, 98, null, null, 100);
        w.OnPositionChanged(Key, 4);
        Assert.True(w.TryGet(Key, out var b));
        Assert.Equal(4m, b.Quantity);
        w.OnPositionChanged(Key, -1);
        Assert.Equal(0, w.Count);
    }

    [Fact]
    public void OnPrice_OtherSymbol_DoesNothing()
    {
        var w = new ExitWatch();
        w.Arm(Key, 10, 98, null, null, 100);
        Assert.Equal(0, w.OnPrice(TestData.Infy, 1, []));
    }

    [Fact]
    public void AutoSquareOff_AfterSquareOffTime_ExitsOnlyMis()
    {
        var book = new PositionBook();
        var t = TestData.MarketOpen;
        book.Apply(new Fill("1", new OrderId("O1"), TestData.Tcs, Side.Buy, Product.Mis, 3, 4000, 0, t));
        book.Apply(new Fill("2", new OrderId("O2"), TestData.Infy, Side.Sell, Product.Mis, 2, 1800, 0, t));
        book.Apply(new Fill("3", new OrderId("O3"), TestData.Hdfc, Side.Buy, Product.Cnc, 2, 1650, 0, t));
        var exits = new List<ExitIntent>();
        var cal = MarketCalendar.Nse();
        Assert.Equal(0, AutoSquareOff.Collect(cal, t, book.All, exits));
        var late = new DateTimeOffset(2026, 1, 5, 15, 16, 0, TimeSpan.FromMinutes(330));
        Assert.Equal(2, AutoSquareOff.Collect(cal, late, book.All, exits));
        Assert.Contains(exits, e => e.Key.Symbol == TestData.Infy && e.Side == Side.Buy && e.Quantity == 2);
        Assert.All(exits, e => Assert.Equal(ExitReason.SquareOff, e.Reason));
    }
}
