using System.Collections.Concurrent;

namespace ActorTrading.Storage.Postgres.Journal;

/// <summary>
/// Background appends (a broker's reports) waiting for a group commit to ride in. Any lane that cuts a batch with other
/// appends takes them along (<see cref="TakeInto"/>), whichever lane their account hashes to: the caller has no other
/// append of that account outstanding, so no lane can be writing the same account, and the seq claim checks the head
/// in the transaction as for any append. With none to ride with they go to their own lane once
/// <see cref="PostgresStorageOptions.BackgroundLinger"/> has passed since the first one arrived, or at once on
/// <see cref="Flush"/> (a caller waits on one) or <see cref="Close"/>. Same idea as <see cref="AuditPool"/>, but the
/// linger is short: it delays a fill's durability, where an audit's delay is invisible.
/// </summary>
internal sealed class BackgroundPool : IDisposable
{
    private readonly ConcurrentQueue<PendingAppend> _waiting = new();
    private readonly Action<PendingAppend> _writeAlone;
    private readonly TimeSpan _linger;
    private readonly ITimer _timer;
    private int _armed;
    private volatile bool _closed;

    /// <param name="writeAlone">Hands one append to its account's lane (it commits in that lane's next batch).</param>
    public BackgroundPool(PostgresStorageOptions options, Action<PendingAppend> writeAlone)
    {
        _writeAlone = writeAlone;
        _linger = options.BackgroundLinger;
        _timer = TimeProvider.System.CreateTimer(_ => OnLinger(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>True when something waits (a lane about to write a batch may take it along).</summary>
    public bool IsEmpty => _waiting.IsEmpty;

    /// <summary>Holds an append for the next group commit; false when holding is off or the pool is closed (write it through its lane).</summary>
    public bool TryAdd(PendingAppend append)
    {
        if (_closed || _linger <= TimeSpan.Zero) return false;
        _waiting.Enqueue(append);
        if (Interlocked.CompareExchange(ref _armed, 1, 0) == 0) _timer.Change(_linger, Timeout.InfiniteTimeSpan);
        if (_closed) Flush();   // raced Close: its flush may have run before our enqueue
        return true;
    }

    /// <summary>
    /// Moves waiting appends into a batch that is about to commit anyway, up to <paramref name="room"/> events; one that
    /// cannot join it (its account is already in the batch with another seq: a caller broke the contract) goes to its lane.
    /// </summary>
    public void TakeInto(JournalBatch batch, int room)
    {
        while (room > 0 && _waiting.TryDequeue(out var append))
        {
            if (batch.TryAdd(append)) room -= append.Events.Count;
            else _writeAlone(append);
        }
    }

    private void OnLinger()
    {
        Volatile.Write(ref _armed, 0);
        Flush();
        if (!_waiting.IsEmpty && Interlocked.CompareExchange(ref _armed, 1, 0) == 0) _timer.Change(_linger, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Hands every waiting append to its lane, where it commits in the lane's next batch.</summary>
    public void Flush()
    {
        while (_waiting.TryDequeue(out var append)) _writeAlone(append);
    }

    /// <summary>No more holding: flushes what waits (before the lanes close); later appends go straight to their lane.</summary>
    public void Close()
    {
        _closed = true;
        Flush();
    }

    public void Dispose() => _timer.Dispose();
}
