using System.Diagnostics.Metrics;
using ActorTrading.Host.Metrics;

namespace ActorTrading.Host.Tests.Metrics;

public sealed class ProcessInstrumentsTests
{
    [Fact]
    public void Observe_NodeMetrics_CpuAllocationAndGcCountersOnlyGrow()
    {
        using var metrics = new NodeMetrics();
        var first = Observe(metrics.Meter);
        var garbage = new List<byte[]>();
        for (var i = 0; i < 64; i++) garbage.Add(new byte[1024]);
        GC.Collect(0);
        var second = Observe(metrics.Meter);
        foreach (var name in (string[])["actortrading.process.cpu", "actortrading.process.allocated", "actortrading.process.gc.collections/gen0",
                     "actortrading.process.gc.collections/gen1", "actortrading.process.gc.collections/gen2", "actortrading.process.gc.pause"])
        {
            Assert.True(first.ContainsKey(name), name + " missing");
            Assert.True(second[name] >= first[name], name + " went down");
        }
        Assert.True(second["actortrading.process.allocated"] - first["actortrading.process.allocated"] >= 64 * 1024);
        Assert.True(second["actortrading.process.gc.collections/gen0"] > first["actortrading.process.gc.collections/gen0"]);
        Assert.True(second["actortrading.process.cpu"] > 0);
        GC.KeepAlive(garbage);
    }

    /// <summary>The process instruments of exactly this meter (other tests' nodes publish the same names).</summary>
    private static Dictionary<string, double> Observe(Meter meter)
    {
        var values = new Dictionary<string, double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, meter) && instrument.Name.StartsWith("actortrading.process.", StringComparison.Ordinal))
                    l.EnableMeasurementEvents(instrument);
            },
        };
        void Add(Instrument i, double v, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
            values[tags.Length == 0 ? i.Name : i.Name + "/" + tags[0].Value] = v;
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        listener.Start();
        listener.RecordObservableInstruments();
        return values;
    }
}
