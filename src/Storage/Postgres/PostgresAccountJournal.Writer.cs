using ActorTrading.Actors.Ports;
using ActorTrading.Storage.Postgres.Journal;

namespace ActorTrading.Storage.Postgres;

/// <summary>
/// The group-commit writer loop of <see cref="PostgresAccountJournal"/>: fills a batch with everything
/// pending (deferring appends of accounts already in a batch in flight), starts it, and keeps up to
/// MaxInFlightBatches commits going so the next batch is built while the previous one commits.
/// </summary>
public sealed partial class PostgresAccountJournal
{
    private const int MaxRetries = 3;

    private readonly Queue<PendingAppend> _deferred = new();

    /// <summary>Should the loop itself ever fail (a bug), no append may wait forever: fail them all, refuse new ones.</summary>
    private async Task RunGuardedAsync()
    {
        try
        {
            await RunAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var stopped = new JournalUnavailableException("the journal writer stopped: " + ex.Message, ex);
            _channel.Writer.TryComplete(stopped);
            while (_deferred.TryDequeue(out var d)) d.Completion.TrySetException(stopped);
            while (_channel.Reader.TryRead(out var p)) p.Completion.TrySetException(stopped);
        }
    }

    private async Task RunAsync()
    {
        var reader = _channel.Reader;
        var deferred = _deferred;
        var inFlight = new List<(Task Task, JournalBatch Batch)>();
        bool open = true;
        while (true)
        {
            inFlight.RemoveAll(f => f.Task.IsCompleted);
            if (inFlight.Count < Math.Max(1, _options.MaxInFlightBatches))
            {
                var batch = Fill(reader, deferred, inFlight);
                if (!batch.IsEmpty)
                {
                    inFlight.Add((WriteAsync(batch, new ReadModelChanges()), batch));
                    continue;
                }
            }
            if (inFlight.Count == 0)
            {
                if (deferred.Count > 0) continue;   // nothing in flight: the next Fill takes them
                if (!open || !await reader.WaitToReadAsync().ConfigureAwait(false)) break;
                continue;
            }
            // something is in flight and nothing can start now: wait for a commit, or for new appends if a slot is free
            var waits = inFlight.Select(f => f.Task).ToList();
            if (open && inFlight.Count < _options.MaxInFlightBatches) waits.Add(WaitForInputAsync(reader));
            await Task.WhenAny(waits).ConfigureAwait(false);
            if (open && reader.Completion.IsCompleted) open = false;
        }
    }

    private static async Task WaitForInputAsync(System.Threading.Channels.ChannelReader<PendingWrite> reader)
    {
        try { await reader.WaitToReadAsync().ConfigureAwait(false); }
        catch (System.Threading.Channels.ChannelClosedException) { }
    }

    private JournalBatch Fill(System.Threading.Channels.ChannelReader<PendingWrite> reader, Queue<PendingAppend> deferred,
        List<(Task Task, JournalBatch Batch)> inFlight)
    {
        var batch = new JournalBatch();
        bool Busy(string account) => inFlight.Exists(f => f.Batch.Contains(account));
        for (int n = deferred.Count; n > 0; n--)
        {
            var p = deferred.Dequeue();
            if (batch.EventCount >= _options.MaxBatchEvents || Busy(p.AccountId) || !batch.TryAdd(p)) deferred.Enqueue(p);
        }
        while (batch.EventCount + batch.Audits.Count < _options.MaxBatchEvents && reader.TryRead(out var w))
        {
            if (w is PendingAudit audit) batch.Audits.Add(audit);
            else if (w is PendingAppend p && (Busy(p.AccountId) || !batch.TryAdd(p))) deferred.Enqueue(p);
        }
        return batch;
    }

    private async Task WriteAsync(JournalBatch batch, ReadModelChanges changes)
    {
        for (int attempt = 0; ; attempt++)
        {
            changes.Clear();
            try
            {
                await using var conn = await _dataSource.OpenConnectionAsync(_stopping.Token).ConfigureAwait(false);
                long batchId = _batchIdBase | (Interlocked.Increment(ref _batchCounter) & 0xFFFF_FFFF);
                await JournalBatchWriter.ExecuteAsync(conn, batch, batchId, changes, _stopping.Token).ConfigureAwait(false);
                batch.CompleteAll();
                return;
            }
            catch (Exception ex) when (JournalBatchWriter.ClaimLosers(ex) is { } losers)
            {
                // a second writer holds these accounts (split brain): they fail, nothing of the batch was written, the rest runs again
                await FailLosersAsync(batch, losers).ConfigureAwait(false);
                var rest = batch.Without(losers);
                if (!rest.IsEmpty) await WriteAsync(rest, changes).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (PostgresErrors.IsRetryable(ex) && attempt < MaxRetries)
            {
                // deadlock between two nodes' batches claiming the same heads: run again
            }
            catch (Exception ex) when (PostgresErrors.IsUnavailable(ex) || ex is OperationCanceledException)
            {
                _dataSource.Clear();   // pooled connections to a restarted server are dead: the next batch opens fresh ones
                batch.FailAll(new JournalUnavailableException($"journal unavailable, nothing was written: {ex.Message}", ex));
                return;
            }
            catch (Exception ex) when (PostgresErrors.IsDataError(ex) && batch.Split() is { Count: > 0 } parts)
            {
                // one account's (or audit record's) data broke the statement: write each part alone so only it fails
                foreach (var part in parts) await WriteAsync(part, changes).ConfigureAwait(false);
                return;
            }
            catch (Exception ex)
            {
                batch.FailAll(ex);
                return;
            }
        }
    }

    private async Task FailLosersAsync(JournalBatch batch, HashSet<string> losers)
    {
        var groups = batch.Groups.Where(g => losers.Contains(g.AccountId)).ToList();
        Dictionary<string, long> heads;
        try
        {
            await using var conn = await _dataSource.OpenConnectionAsync(_stopping.Token).ConfigureAwait(false);
            heads = await JournalBatchWriter.LastSeqsAsync(conn, [.. losers], _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (PostgresErrors.IsUnavailable(ex) || ex is OperationCanceledException)
        {
            heads = [];   // the conflict stands; only the figure in the message is lost
        }
        foreach (var g in groups)
            g.Fail(new JournalConflictException(g.AccountId, g.FirstSeq, heads.TryGetValue(g.AccountId, out var s) ? s : 0));
    }
}
