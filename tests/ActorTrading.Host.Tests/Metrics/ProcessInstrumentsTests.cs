using System.Globalization;
using ActorTrading.Host.Metrics;

namespace ActorTrading.Host.Tests.Metrics;

public sealed class ProcessInstrumentsTests
{
    [Fact]
    public void Scrape_NodeMetrics_ExportsCpuAllocationAndGcCountersThatOnlyGrow()
    {
        using var exporter = new PrometheusExporter();
        using var metrics = new NodeMetrics();
        var first = Values(exporter.Scrape());
        var garbage = new List<byte[]>();
        for (var i = 0; i < 64; i++) garbage.Add(new byte[1024]);
        GC.Collect(0);
        var second = Values(exporter.Scrape());
        foreach (var name in (string[])["actortrading_process_cpu_seconds_total", "actortrading_process_allocated_total",
                     "actortrading_process_gc_collections_total{generation=\"gen0\"}", "actortrading_process_gc_collections_total{generation=\"gen2\"}",
                     "actortrading_process_gc_pause_seconds_total"])
        {
            Assert.True(first.ContainsKey(name), name + " missing");
            Assert.True(second[name] >= first[name], name + " went down");
        }
        Assert.True(second["actortrading_process_allocated_total"] - first["actortrading_process_allocated_total"] >= 64 * 1024);
        Assert.True(second["actortrading_process_gc_collections_total{generation=\"gen0\"}"] > first["actortrading_process_gc_collections_total{generation=\"gen0\"}"]);
        GC.KeepAlive(garbage);
    }

    private static Dictionary<string, double> Values(string text) =>
        text.Split('\n').Where(l => l.StartsWith("actortrading_process_", StringComparison.Ordinal))
            .Select(l => l.Split(' ')).ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
}
