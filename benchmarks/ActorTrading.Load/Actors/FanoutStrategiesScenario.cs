using System.Diagnostics;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Cluster.V1;
using ActorTrading.Runtime;
using RuntimeMailboxes = ActorTrading.Runtime.Mailbox.Mailboxes;

namespace ActorTrading.Load.Actors;

/// <summary>
/// One symbol actor fans ticks out to <c>--subscribers</c> subscribers (conflating mailboxes, like strategy actors); each
/// tick is one shared <see cref="MarketTick"/>. Reports deliveries per second (ticks × subscribers / time until every
/// subscriber has seen the last tick).
/// </summary>
public sealed class FanoutStrategiesScenario : IScenario
{
    public string Name => "fanout-strategies";
    public string Usage => "--subscribers 10000 --ticks 1000";

    private sealed class Counter(long last, CountdownEvent done) : IActor
    {
        public long Seen;

        public Task ReceiveAsync(IContext context)
        {
            if (context.Message is MarketTick t)
            {
                Seen++;
                if (t.Sequence == last) done.Signal();
            }
            return Task.CompletedTask;
        }
    }

    public async Task<ScenarioResult> RunAsync(ScenarioArgs args, TextWriter progress, CancellationToken ct)
    {
        var subscribers = args.Int("subscribers", 10_000);
        var ticks = args.Int("ticks", 1000);
        await using var system = new ActorSystem();
        var core = await TradingCore.StartAsync(system, new TradingCoreOptions { BrokerFactory = _ => throw new InvalidOperationException() }, ct: ct);
        var symbol = TradingCore.SymbolIdentity("NSE:TCS");
        using var done = new CountdownEvent(subscribers);
        var counters = new Counter[subscribers];
        for (var i = 0; i < subscribers; i++)
        {
            var c = counters[i] = new Counter(ticks, done);
            var pid = system.Root.Spawn(Props.FromProducer(() => c).WithMailbox(RuntimeMailboxes.Conflating(m => (m as MarketTick)?.Symbol.Value)));
            core.Cluster.Request(symbol, new SubscribeTicks(), pid);
        }
        await core.Cluster.RequestAsync<object>(symbol, new ActorTrading.Api.V1.GetQuoteRequest(), TimeSpan.FromSeconds(30), ct);
        var sym = new SymbolId("NSE:TCS");
        var time = DateTimeOffset.UtcNow;
        var allocated = GC.GetTotalAllocatedBytes(true);
        var wall = Stopwatch.StartNew();
        for (var i = 1; i <= ticks; i++) core.Cluster.Send(symbol, new MarketTick(sym, 3999.95m, 4000.05m, 4000m, 10, time, i));
        done.Wait(ct);
        wall.Stop();
        allocated = GC.GetTotalAllocatedBytes(true) - allocated;
        long delivered = 0;
        foreach (var c in counters) delivered += c.Seen;
        var handed = (long)ticks * subscribers;
        var rate = handed / wall.Elapsed.TotalSeconds;
        progress.WriteLine($"{ticks:N0} ticks to {subscribers:N0} subscribers: {handed:N0} handed to subscriber mailboxes in {wall.Elapsed.TotalMilliseconds:N1} ms = {rate:N0}/s ({delivered:N0} processed, the rest conflated); {allocated / (double)handed:N2} B per hand-off");
        return new ScenarioResult().Add("deliveries_per_sec", rate).Add("delivered_fraction", (double)delivered / ((long)ticks * subscribers))
            .Add("ms", wall.Elapsed.TotalMilliseconds).Add("bytes_per_delivery", allocated / (double)handed).Add("processed", delivered);
    }
}
