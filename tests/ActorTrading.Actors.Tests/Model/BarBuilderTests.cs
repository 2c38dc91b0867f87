using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Support;

namespace ActorTrading.Actors.Tests.Model;

public class BarBuilderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OnTick_TicksWithinMinute_BuildOhlcvEmittedOnNextMinute()
    {
        var b = new BarBuilder(TestData.Tcs);
        Assert.Null(b.OnTick(TestData.Tick(TestData.Tcs, 99, 101, 100, 10, T0.AddSeconds(1))));
        Assert.Null(b.OnTick(TestData.Tick(TestData.Tcs, 99, 101, 103, 5, T0.AddSeconds(20))));
        Assert.Null(b.OnTick(TestData.Tick(TestData.Tcs, 99, 101, 98, 7, T0.AddSeconds(40))));
        Assert.Null(b.OnTick(TestData.Tick(TestData.Tcs, 99, 101, 101, 3, T0.AddSeconds(59.9))));
        var bar = b.OnTick(TestData.Tick(TestData.Tcs, 99, 101, 102, 1, T0.AddMinutes(1)));
        Assert.Equal(new Bar(TestData.Tcs, T0, 100, 103, 98, 101, 25), bar);
    }

    [Fact]
    public void OnTick_LateTick_IsIgnoredAndCounted()
    {
        var b = new BarBuilder(TestData.Tcs);
        b.OnTick(TestData.Tick(TestData.Tcs, 99, 101, 100, 10, T0.AddMinutes(2)));
        Assert.Null(b.OnTick(TestData.Tick(TestData.Tcs, 99, 101, 500, 10, T0.AddMinutes(1))));
        Assert.Equal(1, b.LateTicks);
        var bar = b.Flush(T0.AddMinutes(3));
        Assert.Equal(100m, bar!.High);
    }

    [Fact]
    public void Flush_BeforeBarEnd_ReturnsNull_AfterEnd_ReturnsBar()
    {
        var b = new BarBuilder(TestData.Tcs);
        b.OnTick(TestData.Tick(TestData.Tcs, 99, 101, 100, 10, T0.AddSeconds(5)));
        Assert.Null(b.Flush(T0.AddSeconds(59)));
        Assert.NotNull(b.Flush(T0.AddMinutes(1)));
        Assert.Null(b.Flush(T0.AddMinutes(5)));
    }

    [Fact]
    public void OnTick_OtherSymbol_Throws()
    {
        var b = new BarBuilder(TestData.Tcs);
        Assert.Throws<ArgumentException>(() => b.OnTick(TestData.Tick(TestData.Infy, 1, 2, 1, 1, T0)));
    }

    [Fact]
    public void MarketTick_BidAboveAsk_Throws() =>
        Assert.Throws<ArgumentException>(() => TestData.Tick(TestData.Tcs, 102, 101, 101, 1, T0));

    [Fact]
    public void TrueRange_UsesPreviousClose()
    {
        var bar = new Bar(TestData.Tcs, T0, 10, 12, 9, 11, 0);
        Assert.Equal(3m, bar.TrueRange(null));
        Assert.Equal(6m, bar.TrueRange(15m));
    }
}
