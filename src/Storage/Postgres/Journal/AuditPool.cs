using System.Collections.Concurrent;

namespace ActorTrading.Storage.Postgres.Journal;

/// <summary>
/// Audit records waiting for a group commit to ride in. Any lane that cuts a batch with account appends takes them
/// along (<see cref="TakeInto"/>), so auditing adds rows to commits the journal makes anyway instead of commits
/// (and WAL flushes) of its own. An audit never waits unboundedly: once <see cref="PostgresStorageOptions.AuditLinger"/>
/// has passed since the first one arrived with no append to ride with, or <see cref="PostgresStorageOptions.AuditBatchLimit"/>
/// are waiting, they are handed to a lane and written alone (<see cref="Flush"/>).
/// </summary>
internal sealed class AuditPool : IDisposable
{
    private readonly ConcurrentQueue<PendingAudit> _waiting = new();
    private readonly Action<PendingAudit> _writeAlone;
    private readonly TimeSpan _linger;
    private readonly int _limit;
    private readonly ITimer _timer;
    private int _count;
    private int _armed;
    private volatile bool _closed;

    /// <param name="writeAlone">Hands one audit to a lane's channel (it commits in that lane's next batch).</param>
    public AuditPool(PostgresStorageOptions options, Action<PendingAudit> writeAlone)
    {
        _writeAlone = writeAlone;
        _linger = options.AuditLinger;
        _limit = Math.Max(1, options.AuditBatchLimit);
        // real time, not options.Time: the linger bounds a background write's delay, and a node run on a manual clock (tests) must still write its audits
        _timer = TimeProvider.System.CreateTimer(_ => OnLinger(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Queues an audit for the next group commit; false once closed (the caller writes it through a lane).</summary>
    public bool TryAdd(PendingAudit audit)
    {
        if (_closed || _linger <= TimeSpan.Zero) return false;
        _waiting.Enqueue(audit);
        if (Interlocked.Increment(ref _count) >= _limit) Flush();
        else if (Interlocked.CompareExchange(ref _armed, 1, 0) == 0) _timer.Change(_linger, Timeout.InfiniteTimeSpan);
        if (_closed) Flush();   // raced Close: its flush may have run before our enqueue
        return true;
    }

    /// <summary>Moves waiting audits into a batch that is about to commit anyway, up to <paramref name="room"/>.</summary>
    public void TakeInto(JournalBatch batch, int room)
    {
        while (room-- > 0 && _waiting.TryDequeue(out var audit))
        {
            Interlocked.Decrement(ref _count);
            batch.Audits.Add(audit);
        }
    }

    private void OnLinger()
    {
        Volatile.Write(ref _armed, 0);
        Flush();
    }

    /// <summary>Hands every waiting audit to a lane, where it commits in the lane's next batch (alone if nothing else comes).</summary>
    public void Flush()
    {
        while (_waiting.TryDequeue(out var audit))
        {
            Interlocked.Decrement(ref _count);
            _writeAlone(audit);
        }
    }

    /// <summary>No more waiting: flushes what is there (before the lanes close) and sends later audits straight to a lane.</summary>
    public void Close()
    {
        _closed = true;
        Flush();
    }

    public void Dispose() => _timer.Dispose();
}
