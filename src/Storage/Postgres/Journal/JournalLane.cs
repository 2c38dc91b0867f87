using System.Data;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ActorTrading.Actors.Ports;
using Npgsql;

namespace ActorTrading.Storage.Postgres.Journal;

/// <summary>
/// One group-commit pipeline of the journal: its own channel, its own connection and one batch in flight at a
/// time. Every account is routed to the same lane, so its appends commit in seq order, and lanes never share an
/// account, so they commit concurrently with no coordination (the writer never scans other batches for an
/// account). A batch takes everything pending in the lane, up to <see cref="PostgresStorageOptions.MaxBatchEvents"/>,
/// which bounds how long one commit (and so one append) can take when a backlog forms.
/// </summary>
internal sealed partial class JournalLane
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresStorageOptions _options;
    private readonly Func<long> _nextBatchId;
    private readonly CancellationToken _stopping;
    private readonly Channel<PendingWrite> _channel;
    private readonly Queue<PendingAppend> _deferred = new();
    private readonly ReadModelChanges _changes = new();
    private readonly StrongBox<int> _poolGeneration;
    private readonly AuditPool _audits;
    private readonly BackgroundPool _background;
    private NpgsqlConnection? _connection;
    private int _connectionGeneration;

    /// <param name="poolGeneration">Shared by the journal's lanes: bumped when one finds the server gone, so every lane drops its
    /// connection (opened before the outage, most likely dead) instead of each failing one more batch on it.</param>
    public JournalLane(NpgsqlDataSource dataSource, PostgresStorageOptions options, int capacity, Func<long> nextBatchId,
        StrongBox<int> poolGeneration, AuditPool audits, BackgroundPool background, CancellationToken stopping)
    {
        _audits = audits;
        _background = background;
        _poolGeneration = poolGeneration;
        _dataSource = dataSource;
        _options = options;
        _nextBatchId = nextBatchId;
        _stopping = stopping;
        _channel = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(Math.Max(1, capacity))
        {
            SingleReader = true, FullMode = BoundedChannelFullMode.Wait,
        });
        Completion = Task.Run(RunGuardedAsync);
    }

    public ChannelWriter<PendingWrite> Writer => _channel.Writer;

    /// <summary>Completes once the lane has drained after <see cref="ChannelWriter{T}.TryComplete"/>.</summary>
    public Task Completion { get; }

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
        finally
        {
            await DropConnectionAsync().ConfigureAwait(false);
        }
    }

    private async Task RunAsync()
    {
        var reader = _channel.Reader;
        while (true)
        {
            var batch = Fill(reader);
            if (!batch.IsEmpty)
            {
                await WriteAsync(batch).ConfigureAwait(false);
                continue;
            }
            if (!await reader.WaitToReadAsync().ConfigureAwait(false)) break;
        }
    }

    /// <summary>
    /// Everything pending, up to MaxBatchEvents: appends deferred from the last batch first (an append whose seq did
    /// not follow its account's group, i.e. a second writer, which conflicts there), then the channel, then (when the
    /// batch writes anything) the background appends held in the journal's <see cref="BackgroundPool"/>, then (when the
    /// batch writes any append) the audits waiting in the journal's <see cref="AuditPool"/>.
    /// </summary>
    private JournalBatch Fill(ChannelReader<PendingWrite> reader)
    {
        var batch = new JournalBatch();
        int max = Math.Max(1, _options.MaxBatchEvents);
        for (int n = _deferred.Count; n > 0; n--)
        {
            var p = _deferred.Dequeue();
            if (batch.EventCount >= max || !batch.TryAdd(p)) _deferred.Enqueue(p);
        }
        while (batch.EventCount + batch.Audits.Count < max && reader.TryRead(out var w))
        {
            if (w is PendingAudit audit) batch.Audits.Add(audit);
            else if (w is PendingAppend p && !batch.TryAdd(p)) _deferred.Enqueue(p);
        }
        if (!batch.IsEmpty && !_background.IsEmpty) _background.TakeInto(batch, max - batch.EventCount - batch.Audits.Count);   // held reports ride along
        if (batch.Groups.Count > 0) _audits.TakeInto(batch, max - batch.EventCount - batch.Audits.Count);   // waiting audits ride along
        return batch;
    }

    /// <summary>The lane's own connection (kept open between batches: no pool rent, no session reset per commit).</summary>
    private async ValueTask<NpgsqlConnection> ConnectionAsync()
    {
        int generation = Volatile.Read(ref _poolGeneration.Value);
        if (_connection is { FullState: ConnectionState.Open } && _connectionGeneration == generation) return _connection;
        await DropConnectionAsync().ConfigureAwait(false);
        _connection = await _dataSource.OpenConnectionAsync(_stopping).ConfigureAwait(false);
        _connectionGeneration = generation;
        return _connection;
    }

    /// <summary>Closes the connection for good (not back into the pool): its protocol state is not to be trusted.</summary>
    private async ValueTask DiscardConnectionAsync()
    {
        if (_connection is { } c) NpgsqlConnection.ClearPool(c);   // returned connections of this pool are closed, not reused
        await DropConnectionAsync().ConfigureAwait(false);
    }

    private async ValueTask DropConnectionAsync()
    {
        var c = _connection;
        _connection = null;
        if (c is null) return;
        try { await c.DisposeAsync().ConfigureAwait(false); }
        catch (Exception ex) when (PostgresErrors.IsUnavailable(ex)) { }   // already broken: nothing to close
    }
}
