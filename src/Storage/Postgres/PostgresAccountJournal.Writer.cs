using ActorTrading.Actors.Ports;
using ActorTrading.Storage.Postgres.Journal;
using Npgsql;

namespace ActorTrading.Storage.Postgres;

/// <summary>The group-commit writer loop of <see cref="PostgresAccountJournal"/>.</summary>
public sealed partial class PostgresAccountJournal
{
    private const int MaxRetries = 3;

    private async Task RunAsync()
    {
        var batch = new JournalBatch();
        var deferred = new Queue<PendingAppend>();
        var changes = new ReadModelChanges();
        var reader = _channel.Reader;
        while (deferred.Count > 0 || await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            for (int n = deferred.Count; n > 0 && batch.EventCount < _options.MaxBatchEvents; n--)
            {
                var p = deferred.Dequeue();
                if (!batch.TryAdd(p)) deferred.Enqueue(p);
            }
            while (batch.EventCount < _options.MaxBatchEvents && reader.TryRead(out var p))
                if (!batch.TryAdd(p)) deferred.Enqueue(p);
            if (batch.Groups.Count > 0) await WriteAsync(batch, changes).ConfigureAwait(false);
        }
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
                var winners = await JournalBatchWriter.ExecuteAsync(conn, batch, batchId, changes, _stopping.Token).ConfigureAwait(false);
                if (winners.Count == batch.Groups.Count)
                {
                    foreach (var g in batch.Groups) g.Complete();
                    return;
                }
                var losers = batch.Groups.Where(g => !winners.Contains(g.AccountId)).ToList();
                foreach (var g in batch.Groups) if (winners.Contains(g.AccountId)) g.Complete();
                var heads = await LastSeqsOrEmptyAsync(conn, losers).ConfigureAwait(false);
                foreach (var g in losers)
                    g.Fail(new JournalConflictException(g.AccountId, g.FirstSeq, heads.TryGetValue(g.AccountId, out var s) ? s : 0));
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
            catch (Exception ex) when (PostgresErrors.IsDataError(ex) && batch.Groups.Count > 1)
            {
                // one account's data broke the statement: write each account alone so only it fails
                foreach (var g in batch.Groups.ToList()) await WriteAsync(JournalBatch.Of(g), changes).ConfigureAwait(false);
                return;
            }
            catch (Exception ex)
            {
                batch.FailAll(ex);
                return;
            }
        }
    }

    private async Task<Dictionary<string, long>> LastSeqsOrEmptyAsync(NpgsqlConnection conn, List<AccountGroup> losers)
    {
        try
        {
            return await JournalBatchWriter.LastSeqsAsync(conn, losers.Select(g => g.AccountId).ToArray(), _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (PostgresErrors.IsUnavailable(ex))
        {
            return new Dictionary<string, long>();   // the conflict stands; only the figure in the message is lost
        }
    }
}
