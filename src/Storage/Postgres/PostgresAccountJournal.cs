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
/// The PostgreSQL journal. Appends from every account go through one channel to a single writer
/// loop that group-commits everything pending (up to MaxBatchEvents) in one round trip and one
/// transaction (<see cref="JournalBatchWriter"/>), then completes each append. A conflict fails only
/// its account; a lost server fails the batch with <see cref="JournalUnavailableException"/> and the
/// next batch simply tries again, so the journal recovers by itself.
/// </summary>
public sealed partial class PostgresAccountJournal : IAccountJournal, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresStorageOptions _options;
    private readonly Channel<PendingWrite> _channel;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _writer;
    private readonly long _batchIdBase = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)) & 0x7FFF_FFFF_0000_0000;
    private long _batchCounter;

    public PostgresAccountJournal(NpgsqlDataSource dataSource, PostgresStorageOptions options)
    {
        _dataSource = dataSource;
        _options = options;
        _channel = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(options.MaxPendingAppends)
        {
            SingleReader = true, FullMode = BoundedChannelFullMode.Wait,
        });
        _writer = Task.Run(RunGuardedAsync);
    }

    /// <summary>Batches written so far (for the load CLI's batch-size figure).</summary>
    public long BatchesWritten => Interlocked.Read(ref _batchCounter);

    public Task AppendAsync(string accountId, long firstSeq, IReadOnlyList<AccountEvent> events, CancellationToken cancellationToken = default)
    {
        JournalArguments.Validate(accountId, firstSeq, events);
        var at = new DateTime[events.Count];
        var payloads = new byte[events.Count][];
        for (int i = 0; i < events.Count; i++)
        {
            at[i] = events[i].At?.ToDateTime() ?? _options.Time.GetUtcNow().UtcDateTime;
            payloads[i] = events[i].ToByteArray();
        }
        return EnqueueAsync(new PendingAppend(accountId, firstSeq, events, at, payloads), cancellationToken);
    }

    /// <summary>
    /// Writes an audit record in the next group commit (one more INSERT in the journal's transaction instead of a
    /// transaction and a WAL flush of its own); completes once it is committed.
    /// </summary>
    public Task AppendAuditAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return EnqueueAsync(new PendingAudit(record), cancellationToken);
    }

    private Task EnqueueAsync(PendingWrite pending, CancellationToken cancellationToken)
    {
        if (_channel.Writer.TryWrite(pending)) return pending.Completion.Task;
        return WriteSlowAsync(pending, cancellationToken);

        async Task WriteSlowAsync(PendingWrite p, CancellationToken ct)
        {
            try { await _channel.Writer.WriteAsync(p, ct).ConfigureAwait(false); }
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
        _channel.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        _stopping.Dispose();
    }
}
