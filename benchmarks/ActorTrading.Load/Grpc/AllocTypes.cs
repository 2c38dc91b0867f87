using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace ActorTrading.Load.Grpc;

/// <summary>Samples allocations by type (GCAllocationTick, one event per ~100 KB) while a scenario runs: <c>--alloc-types</c>.</summary>
internal sealed class AllocTypes : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new();
    private volatile bool _on;

    public void Start() => _on = true;

    public void Stop() => _on = false;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_on || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
        {
            return;
        }

        var name = e.PayloadNames!.IndexOf("TypeName") is var i and >= 0 ? e.Payload[i] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var j and >= 0 ? Convert.ToInt64(e.Payload[j]) : 100_000;
        _bytes.AddOrUpdate(name, amount, (_, v) => v + amount);
    }

    public void Report(TextWriter output, int calls)
    {
        var total = _bytes.Values.Sum();
        foreach (var (name, bytes) in _bytes.OrderByDescending(p => p.Value).Take(25))
        {
            output.WriteLine($"{bytes * 100.0 / total,5:F1}%  ~{(double)bytes / calls,7:F0} B/call  {name}");
        }
    }
}
