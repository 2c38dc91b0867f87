using System.Diagnostics.Metrics;

namespace ActorTrading.Host.Metrics;

/// <summary>
/// The node process's own cost, read at each scrape: CPU time, bytes allocated, GC collections per generation and GC
/// pause time. Divided by the order counter's increase they give CPU and allocation per order (RESULTS, Node).
/// </summary>
internal static class ProcessInstruments
{
    public static void Register(Meter meter)
    {
        meter.CreateObservableCounter("actortrading.process.cpu", () => Environment.CpuUsage.TotalTime.TotalSeconds, "s",
            "CPU time of the node process (user + system)");
        meter.CreateObservableCounter("actortrading.process.allocated", () => GC.GetTotalAllocatedBytes(precise: true), "By",
            "bytes allocated on the managed heap since the process started");
        meter.CreateObservableCounter("actortrading.process.gc.collections", () => new[]
            {
                new Measurement<long>(GC.CollectionCount(0), new KeyValuePair<string, object?>("generation", "gen0")),
                new Measurement<long>(GC.CollectionCount(1), new KeyValuePair<string, object?>("generation", "gen1")),
                new Measurement<long>(GC.CollectionCount(2), new KeyValuePair<string, object?>("generation", "gen2")),
            }, description: "garbage collections (a gen2 collection counts in gen1 and gen0 as well)");
        meter.CreateObservableCounter("actortrading.process.gc.pause", () => GC.GetTotalPauseDuration().TotalSeconds, "s",
            "time the runtime was paused for garbage collection");
    }
}
