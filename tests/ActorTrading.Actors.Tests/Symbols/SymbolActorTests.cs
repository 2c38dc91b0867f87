using ActorTrading.Actors.Diagnostics;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;
using ActorTrading.Runtime.Events;
using Google.Protobuf.WellKnownTypes;

namespace ActorTrading.Actors.Tests.Symbols;

/// <summary>
/// The symbol actor (kind <c>symbol</c>): fan-out of one immutable tick to every subscriber, the last tick for late
/// subscribers and quotes, stale ticks ignored, 1-minute bars, and subscribers that unsubscribe or stop dropped.
/// </summary>
public sealed class SymbolActorTests
{
    private const string Tcs = "NSE:TCS";

    private static (Probe Probe, Runtime.PID Pid) Subscribe(CoreHarness h, string symbol = Tcs)
    {
        var probe = new Probe();
        var pid = h.SpawnProbe(probe);
        h.Core.Cluster.Request(TradingCore.SymbolIdentity(symbol), new SubscribeTicks(), pid);
        h.Run();
        Assert.IsType<SubscriptionConfirmed>(Assert.Single(probe.Messages));
        return (probe, pid);
    }

    private static int Subscribers(CoreHarness h, string symbol = Tcs) =>
        h.Ask<SubscriberCount>(TradingCore.SymbolIdentity(symbol), CountSubscribers.Instance).Count;

    [Fact]
    public async Task Tick_ThreeSubscribers_EachGetsTheSameTickInstance()
    {
        await using var h = new CoreHarness();
        var subscribers = Enumerable.Range(0, 3).Select(_ => Subscribe(h)).ToList();

        h.Tick(Tcs, 4000m);

        var delivered = subscribers.Select(s => Assert.Single(s.Probe.OfType<MarketTick>())).ToList();
        Assert.All(delivered, t => Assert.Same(delivered[0], t));
        Assert.Equal(4000m, delivered[0].Last);
        Assert.Equal(3, Subscribers(h));
    }

    [Fact]
    public async Task Subscribe_AfterATick_GetsTheLastTickAtOnceAndQuoteAnswersIt()
    {
        await using var h = new CoreHarness();
        var failed = h.Ask<CommandFailed>(TradingCore.SymbolIdentity(Tcs), new GetQuoteRequest { Symbol = Tcs });
        Assert.Equal("symbol", failed.Field);
        h.Tick(Tcs, 4000m);

        var probe = new Probe();
        var pid = h.SpawnProbe(probe);
        h.Core.Cluster.Request(TradingCore.SymbolIdentity(Tcs), new SubscribeTicks(), pid);
        h.Run();

        Assert.IsType<SubscriptionConfirmed>(probe.Messages[0]);
        Assert.Equal(4000m, Assert.IsType<MarketTick>(probe.Messages[1]).Last);
        var quote = h.Ask<Tick>(TradingCore.SymbolIdentity(Tcs), new GetQuoteRequest { Symbol = Tcs });
        Assert.Equal(4000.05m, ProtoDecimal.FromProto(quote.Ask));
    }

    [Fact]
    public async Task Tick_OlderSequenceAndTime_IsIgnored()
    {
        await using var h = new CoreHarness();
        var (probe, _) = Subscribe(h);
        var now = h.Clock.GetUtcNow();
        h.Core.Cluster.Send(TradingCore.SymbolIdentity(Tcs), new MarketTick(new SymbolId(Tcs), 3999m, 4001m, 4000m, 10, now, 5));
        h.Core.Cluster.Send(TradingCore.SymbolIdentity(Tcs), new MarketTick(new SymbolId(Tcs), 1m, 3m, 2m, 10, now.AddSeconds(-1), 4));
        h.Run();

        Assert.Equal([4000m], probe.OfType<MarketTick>().Select(t => t.Last));
        Assert.Equal(4000m, ProtoDecimal.FromProto(h.Ask<Tick>(TradingCore.SymbolIdentity(Tcs), new GetQuoteRequest { Symbol = Tcs }).Last));
    }

    [Fact]
    public async Task GetBars_TicksInOneMinuteThenTheNext_ReturnsTheClosedOhlcvBar()
    {
        await using var h = new CoreHarness();
        var start = h.Clock.GetUtcNow();
        foreach (var (last, volume) in new[] { (4000m, 10L), (4010m, 20L), (3990m, 30L), (4005m, 40L) }) h.Tick(Tcs, last, volume);
        h.Advance(TimeSpan.FromMinutes(1));
        h.Tick(Tcs, 4020m, 5);

        var bars = h.Ask<GetBarsResponse>(TradingCore.SymbolIdentity(Tcs), new GetBarsRequest { Symbol = Tcs });

        var bar = Assert.Single(bars.Bars);
        Assert.Equal(Timestamp.FromDateTimeOffset(start), bar.Start);
        Assert.Equal([4000m, 4010m, 3990m, 4005m],
            new[] { bar.Open, bar.High, bar.Low, bar.Close }.Select(ProtoDecimal.FromProto));
        Assert.Equal(100, bar.Volume);
        var badRange = h.Ask<CommandFailed>(TradingCore.SymbolIdentity(Tcs),
            new GetBarsRequest { Symbol = Tcs, From = Timestamp.FromDateTimeOffset(start.AddHours(1)), To = Timestamp.FromDateTimeOffset(start) });
        Assert.Equal("from", badRange.Field);
    }

    [Fact]
    public async Task Unsubscribe_Confirms_AndTheSubscriberGetsNoMoreTicks()
    {
        await using var h = new CoreHarness();
        var (probe, pid) = Subscribe(h);
        h.Core.Cluster.Request(TradingCore.SymbolIdentity(Tcs), new UnsubscribeTicks(), pid);
        h.Run();
        Assert.Equal(2, probe.OfType<SubscriptionConfirmed>().Count());

        h.Tick(Tcs, 4000m);

        Assert.Empty(probe.OfType<MarketTick>());
        Assert.Equal(0, Subscribers(h));
    }

    [Fact]
    public async Task Subscriber_Stops_IsDroppedAndLaterTicksMakeNoDeadLetters()
    {
        await using var h = new CoreHarness();
        var (_, stopped) = Subscribe(h);
        var (alive, _) = Subscribe(h);
        h.System.Root.Stop(stopped);
        h.Run();
        Assert.Equal(1, Subscribers(h));

        h.Tick(Tcs, 4000m);

        Assert.Single(alive.OfType<MarketTick>());
        Assert.DoesNotContain(h.Events, e => e is DeadLetterEvent d && d.Pid.Equals(stopped));
    }
}
