using System.Diagnostics;
using ActorTrading.Storage.Postgres;

namespace ActorTrading.Load.Storage;

/// <summary>
/// What one phase of the journal scenario measured: append latency, and from the journal's own commit callback the
/// group commits (how many, how big, how long each took: commit = cut to COMMIT's answer, of which roundtrip = on the
/// wire and in the server; queue_wait = how long each commit's oldest append had waited in its lane before the cut),
/// plus the client's GC over the phase.
/// </summary>
internal sealed class JournalPhase
{
    private readonly Lock _gate = new();
    private readonly LatencyHistogram _commits = new();
    private readonly LatencyHistogram _roundTrips = new();
    private readonly LatencyHistogram _queueWaits = new();
    private long _start, _elapsed, _alloc;
    private int _commitCount, _maxCommitEvents, _gen0, _gen1, _gen2;
    private TimeSpan _pause;

    public LatencyHistogram Latency { get; } = new();

    public double Seconds => _elapsed / (double)Stopwatch.Frequency;

    /// <summary>The journal's OnCommit hook routes here while the phase runs.</summary>
    public void OnCommit(JournalCommit c)
    {
        lock (_gate)
        {
            _commits.Record((long)(c.Elapsed.TotalMilliseconds * 1e6));
            _roundTrips.Record((long)(c.RoundTrip.TotalMilliseconds * 1e6));
            _queueWaits.Record((long)(c.QueueWait.TotalMilliseconds * 1e6));
            _commitCount++;
            _maxCommitEvents = Math.Max(_maxCommitEvents, c.Events + c.Audits);
        }
    }

    public void Start()
    {
        _gen0 = GC.CollectionCount(0); _gen1 = GC.CollectionCount(1); _gen2 = GC.CollectionCount(2);
        _pause = GC.GetTotalPauseDuration(); _alloc = GC.GetTotalAllocatedBytes(false);
        _start = Stopwatch.GetTimestamp();
    }

    public void Stop()
    {
        _elapsed = Stopwatch.GetTimestamp() - _start;
        _gen0 = GC.CollectionCount(0) - _gen0; _gen1 = GC.CollectionCount(1) - _gen1; _gen2 = GC.CollectionCount(2) - _gen2;
        _pause = GC.GetTotalPauseDuration() - _pause; _alloc = GC.GetTotalAllocatedBytes(false) - _alloc;
    }

    /// <summary>Adds this phase's figures, each key prefixed with <paramref name="prefix"/>.</summary>
    public void AddTo(ScenarioResult result, string prefix, int events)
    {
        result.Add(prefix + "p50_ms", Latency.PercentileMicros(50) / 1000)
            .Add(prefix + "p99_ms", Latency.PercentileMicros(99) / 1000)
            .Add(prefix + "p999_ms", Latency.PercentileMicros(99.9) / 1000)
            .Add(prefix + "max_ms", Latency.MaxNanos / 1e6);
        lock (_gate)
        {
            result.Add(prefix + "group_commits", _commitCount)
                .Add(prefix + "events_per_commit", _commitCount == 0 ? 0 : Math.Round((double)events / _commitCount, 1))
                .Add(prefix + "max_events_per_commit", _maxCommitEvents)
                .Add(prefix + "commit_p50_ms", _commits.PercentileMicros(50) / 1000)
                .Add(prefix + "commit_p99_ms", _commits.PercentileMicros(99) / 1000)
                .Add(prefix + "roundtrip_p50_ms", _roundTrips.PercentileMicros(50) / 1000)
                .Add(prefix + "roundtrip_p99_ms", _roundTrips.PercentileMicros(99) / 1000)
                .Add(prefix + "queue_wait_p50_ms", _queueWaits.PercentileMicros(50) / 1000)
                .Add(prefix + "queue_wait_p99_ms", _queueWaits.PercentileMicros(99) / 1000);
        }
        result.Add(prefix + "gc_gen0_gen1_gen2", $"{_gen0}/{_gen1}/{_gen2}")
            .Add(prefix + "gc_pause_ms", Math.Round(_pause.TotalMilliseconds, 1))
            .Add(prefix + "alloc_bytes_per_event", Math.Round((double)_alloc / events));
    }
}
