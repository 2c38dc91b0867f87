using ActorTrading.Actors.Feeds;
using ActorTrading.Actors.Model;
using RuntimeCluster = ActorTrading.Runtime.Cluster.Cluster;

namespace ActorTrading.Actors.Hosting;

/// <summary>
/// Pushes ticks from a feed (<see cref="SimulatedFeed"/>, <see cref="CsvReplayFeed"/>, anything yielding
/// <see cref="MarketTick"/>) into the symbol actors, and watches for data stalls (<see cref="DataStallWatchdog"/>):
/// a symbol silent for longer than the threshold during market hours is reported once through <see cref="Stalled"/>.
/// </summary>
public sealed class FeedDriver(RuntimeCluster cluster, DataStallWatchdog watchdog, TimeProvider time)
{
    public long Published { get; private set; }

    /// <summary>Raised (on the driver's thread) when a symbol stops ticking.</summary>
    public event Action<DataStall>? Stalled;

    /// <summary>Raised when a stalled symbol ticks again.</summary>
    public event Action<SymbolId>? Recovered;

    public void Publish(MarketTick tick)
    {
        if (watchdog.OnTick(tick.Symbol, tick.Time)) Recovered?.Invoke(tick.Symbol);
        cluster.Send(TradingCore.SymbolIdentity(tick.Symbol.Value), tick);
        Published++;
    }

    public void Watch(IEnumerable<SymbolId> symbols)
    {
        var now = time.GetUtcNow();
        foreach (var s in symbols) watchdog.Watch(s, now);
    }

    /// <summary>Checks for stalls now; returns what was reported.</summary>
    public IReadOnlyList<DataStall> CheckStalls()
    {
        var stalls = watchdog.Check(time.GetUtcNow());
        foreach (var s in stalls) Stalled?.Invoke(s);
        return stalls;
    }

    /// <summary>Runs a simulated feed: one step every <paramref name="interval"/> (on the injected clock) until canceled.</summary>
    public async Task RunAsync(SimulatedFeed feed, TimeSpan interval, CancellationToken ct)
    {
        Watch(feed.Symbols);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                foreach (var tick in feed.Step(time.GetUtcNow())) Publish(tick);
                CheckStalls();
                await Task.Delay(interval, time, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Replays a CSV file paced by its timestamps (<paramref name="speed"/> × real time) until it ends or is canceled.</summary>
    public async Task ReplayAsync(CsvReplayFeed feed, double speed, CancellationToken ct)
    {
        try
        {
            await foreach (var tick in feed.ReplayAsync(time, speed, ct).ConfigureAwait(false)) Publish(tick);
        }
        catch (OperationCanceledException) { }
    }
}
