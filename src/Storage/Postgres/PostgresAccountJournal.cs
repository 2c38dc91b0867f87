using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Threading.Channels;
using ActorTrading.Actors.Ports;
using ActorTrading.Events.V1;
using ActorTrading.Storage.Postgres.Journal;
using Google.Protobuf;
using Npgsql;

namespace ActorTrading.Storage.Postgres;

/// <summary>
/// The PostgreSQL journal. Appends go to one of MaxInFlightBatches lanes (<see cref="JournalLane"/>; an account
/// always to the same one); each lane group-commits everything pending in it (up to MaxBatchEvents) in one round
/// trip and one transaction (<see cref="JournalBatchWriter"/>), then completes each append. A conflict fails only
/// its account; a lost server fails the batch with <see cref="JournalUnavailableException"/> and the next batch
/// simply tries again, so the journal recovers by itself.
/// </summary>
public sealed class PostgresAccountJournal : IAccountJournal, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresStorageOptions _options;
    private readonly JournalLane[] _lanes;
    private readonly CancellationTokenSource _stopping = new();
    private readonly long _batchIdBase = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)) & 0x7FFF_FFFF_0000_0000;
    private long _batchCounter;
    private readonly AuditPool _audits;
    private readonly BackgroundPool _background;
    private int _nextAuditLane;

    public PostgresAccountJournal(NpgsqlDataSource dataSource, PostgresStorageOptions options)
    {
        _dataSource = dataSource;
        _options = options;
        int lanes = Math.Max(1, options.MaxInFlightBatches);
        _lanes = new JournalLane[lanes];
        var poolGeneration = new StrongBox<int>();
        _audits = new AuditPool(options, WriteAuditAlone);
        _background = new BackgroundPool(options, WriteBackgroundAlone);
        for (int i = 0; i < lanes; i++)
            _lanes[i] = new JournalLane(dataSource, options, options.MaxPendingAppends / lanes, NextBatchId, poolGeneration, _audits, _background, _stopping.Token);
    }

    /// <summary>Batches written so far (for the load CLI's batch-size figure).</summary>
    public long BatchesWritten => Interlocked.Read(ref _batchCounter);

    private long NextBatchId() => _batchIdBase | (Interlocked.Increment(ref _batchCounter) & 0xFFFF_FFFF);

    public Task AppendAsync(string accountId, long firstSeq, IReadOnlyList<AccountEvent> events, CancellationToken cancellationToken = default) =>
        EnqueueAsync(LaneOf(accountId), Pending(accountId, firstSeq, events), cancellationToken);

    /// <summary>
    /// Held in the <see cref="BackgroundPool"/> until any lane's next batch takes it along (one transaction with that
    /// batch's appends) or <see cref="PostgresStorageOptions.BackgroundLinger"/> passes; completes once committed.
    /// </summary>
    public Task AppendBackgroundAsync(string accountId, long firstSeq, IReadOnlyList<AccountEvent> events, CancellationToken cancellationToken = default)
    {
        var pending = Pending(accountId, firstSeq, events);
        return _background.TryAdd(pending) ? pending.Completion.Task : EnqueueAsync(LaneOf(accountId), pending, cancellationToken);
    }

    public void FlushBackground() => _background.Flush();

    private PendingAppend Pending(string accountId, long firstSeq, IReadOnlyList<AccountEvent> events)
    {
        JournalArguments.Validate(accountId, firstSeq, events);
        var at = new DateTime[events.Count];
        var payloads = new byte[events.Count][];
        for (int i = 0; i < events.Count; i++)
        {
            at[i] = events[i].At?.ToDateTime() ?? _options.Time.GetUtcNow().UtcDateTime;
            payloads[i] = events[i].ToByteArray();
        }
        return new PendingAppend(accountId, firstSeq, events, at, payloads);
    }

    /// <summary>
    /// Writes an audit record in the next group commit of any lane that has account appends to write (one more INSERT
    /// in a transaction the journal makes anyway); only when none comes within <see cref="PostgresStorageOptions.AuditLinger"/>
    /// (or <see cref="PostgresStorageOptions.AuditBatchLimit"/> are waiting) do the waiting audits commit on their own
    /// (<see cref="AuditPool"/>). Completes once it is committed.
    /// </summary>
    public Task AppendAuditAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var audit = new PendingAudit(record);
        if (_audits.TryAdd(audit)) return audit.Completion.Task;
        return EnqueueAsync(NextAuditLane(), audit, cancellationToken);
    }

    private JournalLane NextAuditLane() =>
        _lanes[(int)((uint)Interlocked.Increment(ref _nextAuditLane) % (uint)_lanes.Length)];   // audits claim nothing: any lane

    /// <summary>An audit that waited long enough for an append to ride with: into a lane's channel, to commit in its next batch.</summary>
    private void WriteAuditAlone(PendingAudit audit)
    {
        var task = EnqueueAsync(NextAuditLane(), audit, CancellationToken.None);
        if (!ReferenceEquals(task, audit.Completion.Task))   // the lane's channel was full or closed: fail it if it never got in
            _ = task.ContinueWith(static (t, a) => { if (t.IsFaulted) ((PendingAudit)a!).Completion.TrySetException(t.Exception!.InnerExceptions); },
                audit, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>A held background append that found nothing to ride with: into its account's lane.</summary>
    private void WriteBackgroundAlone(PendingAppend append)
    {
        var task = EnqueueAsync(LaneOf(append.AccountId), append, CancellationToken.None);
        if (!ReferenceEquals(task, append.Completion.Task))   // the lane's channel was full or closed: fail it if it never got in
            _ = task.ContinueWith(static (t, a) => { if (t.IsFaulted) ((PendingAppend)a!).Completion.TrySetException(t.Exception!.InnerExceptions); },
                append, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>The lane of an account: the same for every append of it (string hashes are stable within a process).</summary>
    private JournalLane LaneOf(string accountId) =>
        _lanes.Length == 1 ? _lanes[0] : _lanes[(int)((uint)StringComparer.Ordinal.GetHashCode(accountId) % (uint)_lanes.Length)];

    private static Task EnqueueAsync(JournalLane lane, PendingWrite pending, CancellationToken cancellationToken)
    {
        if (lane.Writer.TryWrite(pending)) return pending.Completion.Task;
        return WriteSlowAsync(lane, pending, cancellationToken);

        static async Task WriteSlowAsync(JournalLane l, PendingWrite p, CancellationToken ct)
        {
            try { await l.Writer.WriteAsync(p, ct).ConfigureAwait(false); }
            catch (ChannelClosedException ex) { throw ex.InnerException as JournalUnavailableException ?? new JournalUnavailableException("the journal is closed", ex); }
            await p.Completion.Task.ConfigureAwait(false);
        }
    }

    public async IAsyncEnumerable<JournaledEvent> LoadAsync(string accountId, long afterSeq, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        NpgsqlConnection? conn = null;
        NpgsqlDataReader reader;
        try
        {
            conn = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var cmd = new NpgsqlCommand("SELECT seq, at, payload FROM account_events WHERE account_id = $1 AND seq > $2 ORDER BY seq", conn);
            cmd.Parameters.Add(SqlParam.Of(accountId));
            cmd.Parameters.Add(SqlParam.Of(afterSeq));
            reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            if (conn is not null) await conn.DisposeAsync().ConfigureAwait(false);
            if (!PostgresErrors.IsUnavailable(ex)) throw;
            throw new JournalUnavailableException($"cannot load account '{accountId}': PostgreSQL is unavailable ({ex.Message})", ex);
        }
        await using (conn)
        await using (reader)
        {
            while (await ReadAsync(reader, accountId, cancellationToken).ConfigureAwait(false))
            {
                long seq = reader.GetInt64(0);
                var at = new DateTimeOffset(reader.GetFieldValue<DateTime>(1));
                AccountEvent e;
                try
                {
                    e = AccountEvent.Parser.ParseFrom(reader.GetFieldValue<byte[]>(2));
                }
                catch (InvalidProtocolBufferException ex)
                {
                    throw new JournalCorruptException(accountId, seq, "event", ex);
                }
                if (e.EventCase == AccountEvent.EventOneofCase.None)
                    throw new JournalCorruptException(accountId, seq, "event (no event case set)");
                yield return new JournaledEvent(accountId, seq, at, e);
            }
        }
    }

    private static async Task<bool> ReadAsync(NpgsqlDataReader reader, string accountId, CancellationToken ct)
    {
        try { return await reader.ReadAsync(ct).ConfigureAwait(false); }
        catch (Exception ex) when (PostgresErrors.IsUnavailable(ex))
        {
            throw new JournalUnavailableException($"cannot load account '{accountId}': PostgreSQL is unavailable ({ex.Message})", ex);
        }
    }

    public async Task<long> GetLastSeqAsync(string accountId, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var cmd = _dataSource.CreateCommand("SELECT last_seq FROM account_heads WHERE account_id = $1");
            cmd.Parameters.Add(SqlParam.Of(accountId));
            return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long seq ? seq : 0;
        }
        catch (Exception ex) when (PostgresErrors.IsUnavailable(ex))
        {
            throw new JournalUnavailableException($"PostgreSQL is unavailable ({ex.Message})", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _background.Close();   // held appends into their lanes before they close
        _background.Dispose();
        _audits.Close();   // waiting audits into the lanes before they close
        _audits.Dispose();
        foreach (var lane in _lanes) lane.Writer.TryComplete();
        foreach (var lane in _lanes) await lane.Completion.ConfigureAwait(false);
        _stopping.Dispose();
    }
}
