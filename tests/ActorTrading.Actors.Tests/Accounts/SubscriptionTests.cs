using ActorTrading.Actors.Model;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;

namespace ActorTrading.Actors.Tests.Accounts;

public sealed class SubscriptionTests
{
    [Fact]
    public async Task Subscribe_OrdersAndPortfolio_ReceivesEventsInSequenceAndThrottledPortfolio()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var probe = new Probe();
        var pid = h.SpawnProbe(probe);
        h.Core.Cluster.Request(CoreHarness.Account(), new SubscribeAccountEvents { OrderEvents = true, Portfolio = true }, pid);
        h.Run();
        Assert.IsType<SubscriptionConfirmed>(probe.Messages[0]);
        h.Place("c1", "NSE:TCS", Side.Buy, 5);
        h.Tick("NSE:TCS", 4000m);
        var events = probe.OfType<OrderEvent>().ToList();
        Assert.Contains(events, e => e.Status == OrderStatus.Accepted);
        Assert.Contains(events, e => e.Status == OrderStatus.Filled && e.Trade is not null);
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
        var portfolios = probe.OfType<PortfolioSnapshot>().Count();
        h.Advance(TimeSpan.FromSeconds(1));
        Assert.True(probe.OfType<PortfolioSnapshot>().Count() > portfolios);
        Assert.Single(probe.OfType<PortfolioSnapshot>().Last().Positions);
    }

    [Fact]
    public async Task Subscribe_Portfolio_EveryPriceMoveReachesTheNextPush()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        h.Place("c1", "NSE:TCS", Side.Buy, 5);
        h.Tick("NSE:TCS", 4000m);
        var probe = new Probe();
        h.Core.Cluster.Request(CoreHarness.Account(), new SubscribeAccountEvents { Portfolio = true }, h.SpawnProbe(probe));
        h.Run();

        // Several ticks inside one portfolio interval, then the push: it shows the last price.
        (decimal[] Prices, TimeSpan Gap)[] bursts = [([4010m, 4020m, 4030m], TimeSpan.Zero), ([4040m, 4050m], TimeSpan.FromMilliseconds(100))];
        foreach (var (prices, gap) in bursts)
        {
            var pushed = probe.OfType<PortfolioSnapshot>().Count();
            foreach (var price in prices) { h.Tick("NSE:TCS", price); h.Advance(gap); }
            h.Advance(TimeSpan.FromSeconds(1));
            Assert.True(probe.OfType<PortfolioSnapshot>().Count() > pushed, "no push after the ticks");
            Assert.Equal(prices[^1], ProtoDecimal.FromProto(Assert.Single(probe.OfType<PortfolioSnapshot>().Last().Positions).LastPrice));
        }
    }

    [Fact]
    public async Task Subscriber_Stops_IsDroppedAndUnsubscribeConfirms()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        var probe = new Probe();
        var pid = h.SpawnProbe(probe);
        h.Core.Cluster.Request(CoreHarness.Account(), new SubscribeAccountEvents { OrderEvents = true }, pid);
        h.Core.Cluster.Request(CoreHarness.Account(), new UnsubscribeAccountEvents(), pid);
        h.Run();
        Assert.Equal(2, probe.OfType<SubscriptionConfirmed>().Count());
        h.Tick("NSE:TCS", 4000m);
        h.Place("c1", "NSE:TCS", Side.Buy, 5);
        Assert.Empty(probe.OfType<OrderEvent>());
        var other = new Probe();
        var otherPid = h.SpawnProbe(other);
        h.Core.Cluster.Request(CoreHarness.Account(), new SubscribeAccountEvents { OrderEvents = true }, otherPid);
        h.Run();
        h.System.Root.Stop(otherPid);
        h.Run();
        h.Place("c2", "NSE:TCS", Side.Buy, 5);
        Assert.DoesNotContain(h.Events.OfType<Runtime.Events.DeadLetterEvent>(), d => d.Message is OrderEvent);
    }

    [Fact]
    public async Task Subscribe_UnknownAccount_FailsNotFound()
    {
        await using var h = new CoreHarness();
        var failed = h.Ask<CommandFailed>(TradingCore.AccountIdentity("nobody"), new SubscribeAccountEvents { OrderEvents = true });
        Assert.Equal(FailureCode.NotFound, failed.Code);
    }
}
