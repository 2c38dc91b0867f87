using ActorTrading.Actors.Feeds;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Actors.Simulation;
using ActorTrading.Events.V1;

namespace ActorTrading.Actors.Tests.Simulation;

public sealed class ReplayDeterminismTests
{
    private static readonly DateTimeOffset Open = new(2026, 1, 5, 3, 45, 0, TimeSpan.Zero); // 09:15 IST

    private static async Task<ReplayResult> RunOnceAsync()
    {
        var feed = new SimulatedFeed(InstrumentCatalog.Default.All.Where(i => i.Symbol.Value is "NSE:TCS" or "NSE:RELIANCE"), seed: 42);
        var ticks = new List<MarketTick>();
        for (var i = 0; i < 3000; i++) ticks.AddRange(feed.Step(Open.AddSeconds(i * 2)));
        var spec = new ReplaySpec
        {
            Accounts = [new ReplayAccount("replay-1", 1_000_000m, [
                new ReplayStrategy("ema", "ema_crossover", ["NSE:RELIANCE"]),
                new ReplayStrategy("load", EveryTickStrategy.Name, ["NSE:TCS"])])],
            Strategies = EveryTickStrategy.Catalog,
            Limits = RiskSettings.Default with { MaxOrdersPerDay = 100_000, MaxTradesPerDay = 100_000, OrdersPerSecond = 100, OrderBurst = 100 },
        };
        await using var runner = new ReplayRunner(spec, Open);
        var result = runner.Run(ticks);
        return result;
    }

    [Fact]
    public async Task Replay_SameTicksTwice_ProducesExactlyTheSameEvents()
    {
        var first = await RunOnceAsync();
        var second = await RunOnceAsync();
        var a = first.Events["replay-1"];
        var b = second.Events["replay-1"];
        Assert.True(a.Count > 100, $"only {a.Count} events");
        Assert.Contains(a, e => e.Event.EventCase == AccountEvent.EventOneofCase.OrderFilled);
        Assert.Equal(a.Count, b.Count);
        for (var i = 0; i < a.Count; i++)
        {
            Assert.Equal(a[i].Seq, b[i].Seq);
            Assert.Equal(a[i].Event, b[i].Event);
        }
        Assert.Equal(first.Reports["replay-1"], second.Reports["replay-1"]);
        Assert.True(first.Reports["replay-1"].Trades > 0);
    }
}
