using System.Diagnostics.Metrics;
using ActorTrading.Runtime.Diagnostics;
using ActorTrading.Runtime.Supervision;

namespace ActorTrading.Runtime.Tests.Diagnostics;

public sealed class RuntimeMetricsTests
{
    [Fact]
    public void Instruments_ActivityInSystem_Measured()
    {
        var d = new Deterministic();
        var totals = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == RuntimeMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var ours = false;
            foreach (var tag in tags) ours |= tag.Key == "system" && (string?)tag.Value == d.System.Id;
            if (!ours) return; // other tests' systems measure at the same time
            lock (totals)
                totals[instrument.Name] = instrument.Name == "actortrading.runtime.mailbox_depth" ? value : totals.GetValueOrDefault(instrument.Name) + value;
        });
        listener.Start();

        var pid = d.Root.Spawn(Props.FromFunc(c => c.Message is Fail ? throw new InvalidOperationException() : Task.CompletedTask));
        d.Run();
        for (var i = 0; i < 5; i++) d.Root.Send(pid, i);
        listener.RecordObservableInstruments();
        Assert.Equal(5, totals["actortrading.runtime.mailbox_depth"]);
        d.Run();
        d.Root.Send(pid, new Fail("x"));
        d.Run();
        d.Root.Send(new PID(d.System.Address, "nobody"), "lost");

        Assert.True(totals["actortrading.runtime.messages_processed"] >= 6);
        Assert.Equal(1, totals["actortrading.runtime.restarts"]);
        Assert.Equal(1, totals["actortrading.runtime.dead_letters"]);
    }
}
