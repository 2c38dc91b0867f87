using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Support;
using ActorTrading.Api.V1;
using Position = ActorTrading.Actors.Model.Position;

namespace ActorTrading.Actors.Tests.Model;

public class PositionTests
{
    private static readonly DateTimeOffset T = TestData.MarketOpen;
    private static int _n;

    private static Fill F(Side side, decimal qty, decimal price, decimal fees = 0, Product product = Product.Mis, SymbolId? s = null) =>
        new("t" + Interlocked.Increment(ref _n), new OrderId("O1"), s ?? TestData.Tcs, side, product, qty, price, fees, T);

    [Fact]
    public void Apply_AddingToLong_AveragesPrice()
    {
        var p = new Position(new PositionKey(TestData.Tcs, Product.Mis));
        p.Apply(F(Side.Buy, 10, 100));
        p.Apply(F(Side.Buy, 30, 104));
        Assert.Equal(40m, p.Quantity);
        Assert.Equal(103m, p.AveragePrice);
    }

    [Fact]
    public void Apply_PartialClose_RealizesPnlNetOfFees()
    {
        var p = new Position(new PositionKey(TestData.Tcs, Product.Mis));
        p.Apply(F(Side.Buy, 10, 100));
        var realized = p.Apply(F(Side.Sell, 4, 110, fees: 2));
        Assert.Equal(38m, realized);
        Assert.Equal(6m, p.Quantity);
        Assert.Equal(100m, p.AveragePrice);
    }

    [Fact]
    public void Apply_ShortThenCover_RealizesInverse()
    {
        var p = new Position(new PositionKey(TestData.Tcs, Product.Mis));
        p.Apply(F(Side.Sell, 5, 200));
        Assert.Equal(-5m, p.Quantity);
        Assert.Equal(50m, p.Apply(F(Side.Buy, 5, 190)));
        Assert.True(p.IsFlat);
    }

    [Fact]
    public void Apply_CrossThroughZero_OpensOtherSideAtFillPrice()
    {
        var p = new Position(new PositionKey(TestData.Tcs, Product.Mis));
        p.Apply(F(Side.Buy, 10, 100));
        Assert.Equal(50m, p.Apply(F(Side.Sell, 15, 105)));
        Assert.Equal(-5m, p.Quantity);
        Assert.Equal(105m, p.AveragePrice);
    }

    [Fact]
    public void Mark_ComputesUnrealizedAndDayPnl()
    {
        var p = new Position(new PositionKey(TestData.Tcs, Product.Cnc));
        p.Apply(F(Side.Buy, 10, 100, product: Product.Cnc));
        p.Mark(110);
        Assert.Equal(100m, p.UnrealizedPnl);
        p.StartDay();
        p.Mark(107);
        Assert.Equal(70m, p.UnrealizedPnl);
        Assert.Equal(-30m, p.DayPnl);
    }

    [Fact]
    public void PositionBook_NetsPerSymbolAndProduct()
    {
        var book = new PositionBook();
        book.Apply(F(Side.Buy, 10, 100));
        book.Apply(F(Side.Buy, 5, 100, product: Product.Cnc));
        book.Apply(F(Side.Sell, 3, 50, s: TestData.Infy));
        Assert.Equal(3, book.OpenCount);
        Assert.Equal(15m, book.NetQuantity(TestData.Tcs));
        book.Mark(TestData.Tcs, 102);
        Assert.Equal(30m, book.UnrealizedPnl);
        book.Apply(F(Side.Sell, 10, 101));
        Assert.Equal(10m, book.RealizedPnl);
        Assert.Equal(2, book.OpenCount);
    }
}
