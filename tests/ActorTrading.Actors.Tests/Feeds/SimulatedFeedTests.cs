using ActorTrading.Actors.Feeds;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Support;

namespace ActorTrading.Actors.Tests.Feeds;

public class SimulatedFeedTests
{
    private static List<MarketTick> Run(int seed, IEnumerable<InstrumentSpec> instruments, int steps = 200)
    {
        var feed = new SimulatedFeed(instruments, seed);
        var ticks = new List<MarketTick>();
        for (var i = 0; i < steps; i++) ticks.AddRange(feed.Step(TestData.MarketOpen.AddMilliseconds(250 * i)));
        return ticks;
    }

    private static string Key(MarketTick t) => $"{t.Symbol}|{t.Bid}|{t.Ask}|{t.Last}|{t.Volume}|{t.Sequence}";

    [Fact]
    public void SameSeed_ReproducesTicks_DifferentSeed_Differs()
    {
        var a = Run(42, InstrumentCatalog.Default.All).Select(Key);
        var b = Run(42, InstrumentCatalog.Default.All).Select(Key);
        var c = Run(43, InstrumentCatalog.Default.All).Select(Key);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void SymbolStream_DoesNotDependOnOtherSymbols()
    {
        var alone = Run(7, [TestData.Spec(TestData.Tcs)]).Select(Key);
        var together = Run(7, InstrumentCatalog.Default.All).Where(t => t.Symbol == TestData.Tcs).Select(Key);
        Assert.Equal(alone, together);
    }

    [Fact]
    public void Ticks_AreTickAlignedWithSpreadAndVolume()
    {
        foreach (var t in Run(1, InstrumentCatalog.Default.All, 100))
        {
            Assert.True(DecimalMath.IsMultipleOf(t.Bid, 0.05m) && t.Ask - t.Bid == 0.05m, t.ToString());
            Assert.True(t.Last == t.Bid || t.Last == t.Ask);
            Assert.True(t.Volume >= 1);
        }
    }

    [Fact]
    public void Prices_StartAtReferenceAndWanderPlausibly()
    {
        var ticks = Run(3, [TestData.Spec(TestData.Reliance)], 2000);
        Assert.Equal(2900m, ticks[0].Bid);
        Assert.All(ticks, t => Assert.InRange(t.Bid, 2700m, 3100m)); // 25% annual vol over ~8 minutes
        Assert.True(ticks.Select(t => t.Bid).Distinct().Count() > 5);
        Assert.Equal(Enumerable.Range(1, 2000).Select(i => (long)i), ticks.Select(t => t.Sequence));
    }

    [Fact]
    public void Next_UnknownSymbol_Throws() =>
        Assert.Throws<ArgumentException>(() => new SimulatedFeed([TestData.Spec(TestData.Tcs)], 1).Next(TestData.Infy, TestData.MarketOpen));
}
