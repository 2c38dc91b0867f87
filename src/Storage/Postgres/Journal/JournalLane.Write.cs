using System.Diagnostics;
using ActorTrading.Actors.Ports;

namespace ActorTrading.Storage.Postgres.Journal;

/// <summary>Writing one batch of a <see cref="JournalLane"/>: commit, or sort the failure and fail only whom it concerns.</summary>
internal sealed partial class JournalLane
{
    private const int MaxRetries = 3;

    private async Task WriteAsync(JournalBatch batch)
    {
        for (int attempt = 0; ; attempt++)
        {
            _changes.Clear();
            long batchId = _nextBatchId();
            try
            {
                var conn = await ConnectionAsync().ConfigureAwait(false);
                long start = Stopwatch.GetTimestamp();
                long sent = await JournalBatchWriter.ExecuteAsync(conn, batch, batchId, _changes, _stopping).ConfigureAwait(false);
                long done = Stopwatch.GetTimestamp();
                ReportCommit(batch, start, sent, done);   // before the appends complete: whoever awaits one sees its commit counted
                batch.CompleteAll();
                return;
            }
            catch (Exception ex) when (JournalBatchWriter.ClaimLosers(ex) is { } losers)
            {
                // a second writer holds these accounts (split brain): they fail, nothing of the batch was written, the rest runs again
                await FailLosersAsync(batch, losers).ConfigureAwait(false);
                var rest = batch.Without(losers);
                if (!rest.IsEmpty) await WriteAsync(rest).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (PostgresErrors.IsRetryable(ex) && attempt < MaxRetries)
            {
                // deadlock between two nodes' batches claiming the same heads: run again
            }
            catch (Exception ex) when (PostgresErrors.IsUnavailable(ex) || ex is OperationCanceledException)
            {
                await DropConnectionAsync().ConfigureAwait(false);
                Interlocked.Increment(ref _poolGeneration.Value);   // the other lanes' connections are as dead as this one
                _dataSource.Clear();   // pooled connections to a restarted server are dead: the next batch opens fresh ones
                batch.FailAll(new JournalUnavailableException($"journal unavailable, nothing was written: {ex.Message}", ex));
                return;
            }
            catch (Exception ex) when (PostgresErrors.IsDataError(ex) && batch.Split() is { Count: > 0 } parts)
            {
                // one account's (or audit record's) data broke the statement: write each part alone so only it fails. Not on
                // this connection: after an error in the middle of a pipelined batch the driver has been seen to read a
                // stray row of it as the next batch's answer ("unexpected backend message DataRow")
                await DiscardConnectionAsync().ConfigureAwait(false);
                foreach (var part in parts) await WriteAsync(part).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (PostgresErrors.IsDriverFault(ex) && attempt < MaxRetries)
            {
                // the driver lost track of the protocol (seen: a committed batch's answer read as "unexpected backend message
                // DataRow"): the connection is closed, and the heads tell whether this batch id committed; if not, it runs again
                await DiscardConnectionAsync().ConfigureAwait(false);
                if (batch.Groups.Count > 0 && await CommittedAsync(batch, batchId).ConfigureAwait(false))
                {
                    batch.CompleteAll();
                    return;
                }
            }
            catch (Exception ex)
            {
                batch.FailAll(ex);
                return;
            }
        }
    }

    /// <summary>Tells <see cref="PostgresStorageOptions.OnCommit"/>; a failing observer never fails a committed batch.</summary>
    private void ReportCommit(JournalBatch batch, long start, long sent, long done)
    {
        try
        {
            _options.OnCommit?.Invoke(new JournalCommit(batch.EventCount, batch.Audits.Count, Stopwatch.GetElapsedTime(start, done))
            {
                RoundTrip = Stopwatch.GetElapsedTime(sent, done),
                QueueWait = Stopwatch.GetElapsedTime(Math.Min(batch.OldestQueuedAt, start), start),
            });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            System.Diagnostics.Trace.TraceWarning($"journal: the commit observer failed: {ex.Message}");
        }
    }

    /// <summary>True when the claims of <paramref name="batchId"/> hold every account of the batch (the transaction is atomic:
    /// all or none).</summary>
    private async Task<bool> CommittedAsync(JournalBatch batch, long batchId)
    {
        var conn = await ConnectionAsync().ConfigureAwait(false);
        var accounts = batch.Groups.Select(g => g.AccountId).ToArray();
        return await JournalBatchWriter.ClaimedByAsync(conn, accounts, batchId, _stopping).ConfigureAwait(false) == accounts.Length;
    }

    private async Task FailLosersAsync(JournalBatch batch, HashSet<string> losers)
    {
        var groups = batch.Groups.Where(g => losers.Contains(g.AccountId)).ToList();
        Dictionary<string, long> heads;
        try
        {
            var conn = await ConnectionAsync().ConfigureAwait(false);
            heads = await JournalBatchWriter.LastSeqsAsync(conn, [.. losers], _stopping).ConfigureAwait(false);
        }
        catch (Exception ex) when (PostgresErrors.IsUnavailable(ex) || ex is OperationCanceledException)
        {
            heads = [];   // the conflict stands; only the figure in the message is lost
        }
        foreach (var g in groups)
            g.Fail(new JournalConflictException(g.AccountId, g.FirstSeq, heads.TryGetValue(g.AccountId, out var s) ? s : 0));
    }
}
