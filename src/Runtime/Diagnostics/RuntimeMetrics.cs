using System.Diagnostics.Metrics;
using ActorTrading.Runtime.Processes;

namespace ActorTrading.Runtime.Diagnostics;

/// <summary>
/// The runtime's instruments on the meter <c>ActorTrading.Runtime</c>: messages processed (added
/// once per mailbox run, not per message), dead letters, dropped messages, restarts, and the
/// total mailbox depth (observed on collection by walking the registry). Every measurement is
/// tagged with the system's id (<c>system</c>).
/// </summary>
public sealed class RuntimeMetrics : IDisposable
{
    public const string MeterName = "ActorTrading.Runtime";

    private readonly Meter _meter;
    private readonly Counter<long> _processed;
    private readonly Counter<long> _deadLetters;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _restarts;
    private readonly KeyValuePair<string, object?> _system;

    public RuntimeMetrics(ActorSystem system)
    {
        _meter = new Meter(MeterName);
        _system = new KeyValuePair<string, object?>("system", system.Id);
        var tags = new[] { _system };
        _processed = _meter.CreateCounter<long>("actortrading.runtime.messages_processed", "{message}", "User messages handled by actors");
        _deadLetters = _meter.CreateCounter<long>("actortrading.runtime.dead_letters", "{message}", "Messages to processes that do not exist");
        _dropped = _meter.CreateCounter<long>("actortrading.runtime.messages_dropped", "{message}", "Messages refused or evicted by bounded mailboxes");
        _restarts = _meter.CreateCounter<long>("actortrading.runtime.restarts", "{restart}", "Actor restarts by supervisors");
        _meter.CreateObservableGauge("actortrading.runtime.mailbox_depth", () => new Measurement<long>(MailboxDepth(system), tags), "{message}", "User messages waiting in local mailboxes");
    }

    public void Processed(int count)
    {
        if (_processed.Enabled) _processed.Add(count, _system); // once per mailbox run: keep it free when nobody listens
    }
    public void DeadLetter() => _deadLetters.Add(1, _system);
    public void Dropped() => _dropped.Add(1, _system);
    public void Restarted() => _restarts.Add(1, _system);

    public static long MailboxDepth(ActorSystem system)
    {
        long depth = 0;
        foreach (var process in system.ProcessRegistry.Processes)
            if (process is ActorProcess actor) depth += actor.Mailbox.Count;
        return depth;
    }

    public void Dispose() => _meter.Dispose();
}
