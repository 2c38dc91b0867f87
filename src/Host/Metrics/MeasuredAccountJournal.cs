using System.Diagnostics;
using System.Diagnostics.Metrics;
using ActorTrading.Actors.Ports;
using ActorTrading.Events.V1;

namespace ActorTrading.Host.Metrics;

/// <summary>The journal port with its commit latency measured (<c>actortrading.journal.commit.duration</c>, seconds).</summary>
public sealed class MeasuredAccountJournal(IAccountJournal inner, Meter meter) : IAccountJournal
{
    private readonly Histogram<double> _commit = meter.CreateHistogram<double>("actortrading.journal.commit.duration", "s", "journal append until durable");
    private readonly Counter<long> _failures = meter.CreateCounter<long>("actortrading.journal.failures", description: "journal appends that failed");

    public Task AppendAsync(string accountId, long firstSeq, IReadOnlyList<AccountEvent> events, CancellationToken cancellationToken = default) =>
        MeasureAsync(accountId, firstSeq, events, background: false, cancellationToken);

    /// <summary>Measured the same way (until durable, so including any time the journal held it back).</summary>
    public Task AppendBackgroundAsync(string accountId, long firstSeq, IReadOnlyList<AccountEvent> events, CancellationToken cancellationToken = default) =>
        MeasureAsync(accountId, firstSeq, events, background: true, cancellationToken);

    public void FlushBackground() => inner.FlushBackground();

    private async Task MeasureAsync(string accountId, long firstSeq, IReadOnlyList<AccountEvent> events, bool background, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await (background ? inner.AppendBackgroundAsync(accountId, firstSeq, events, ct) : inner.AppendAsync(accountId, firstSeq, events, ct)).ConfigureAwait(false);
            _commit.Record(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        catch
        {
            _failures.Add(1);
            throw;
        }
    }

    public IAsyncEnumerable<JournaledEvent> LoadAsync(string accountId, long afterSeq, CancellationToken cancellationToken = default) =>
        inner.LoadAsync(accountId, afterSeq, cancellationToken);

    public Task<long> GetLastSeqAsync(string accountId, CancellationToken cancellationToken = default) =>
        inner.GetLastSeqAsync(accountId, cancellationToken);
}
