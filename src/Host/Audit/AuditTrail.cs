using System.Threading.Channels;
using ActorTrading.Actors.Ports;
using ActorTrading.Host.Composition;
using ActorTrading.Host.Configuration;
using Microsoft.Extensions.Options;

namespace ActorTrading.Host.Audit;

/// <summary>
/// Writes audit records to the <see cref="IAuditLog"/> port off the call path: a bounded queue (callers wait when it is
/// full, so nothing is dropped) drained by a few writers, each writing what is queued concurrently; <see cref="StopAsync"/> drains it at shutdown.
/// </summary>
public sealed partial class AuditTrail(NodeStorage storage, IOptions<NodeOptions> options, ILogger<AuditTrail> log) : IHostedService
{
    private readonly Channel<AuditRecord> _queue = Channel.CreateBounded<AuditRecord>(
        new BoundedChannelOptions(65_536) { FullMode = BoundedChannelFullMode.Wait, SingleReader = false });
    private readonly Lock _idleLock = new();
    private TaskCompletionSource? _idle;
    private Task[] _writers = [];
    private long _written;
    private long _pending;

    public long Written => Interlocked.Read(ref _written);

    public ValueTask RecordAsync(AuditRecord record)
    {
        Interlocked.Increment(ref _pending);
        if (_queue.Writer.TryWrite(record)) return ValueTask.CompletedTask;
        return _queue.Writer.WriteAsync(record);
    }

    /// <summary>Completes when every record handed in so far has been written (or given up on).</summary>
    public Task IdleAsync()
    {
        lock (_idleLock)
        {
            if (Interlocked.Read(ref _pending) == 0) return Task.CompletedTask;
            return (_idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    private void Done()
    {
        if (Interlocked.Decrement(ref _pending) != 0) return;
        lock (_idleLock)
        {
            if (Interlocked.Read(ref _pending) != 0) return;
            _idle?.TrySetResult();
            _idle = null;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writers = [.. Enumerable.Range(0, options.Value.AuditWriters).Select(_ => Task.Run(WriteLoopAsync, CancellationToken.None))];
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes whatever is queued (up to 1,024 records) and writes it concurrently: the durable audit log rides in the
    /// journal's group commit, so a whole chunk costs about one commit instead of one commit per record.
    /// </summary>
    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        var chunk = new List<Task>(1024);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            chunk.Clear();
            while (chunk.Count < 1024 && reader.TryRead(out var record)) chunk.Add(WriteAsync(record));
            await Task.WhenAll(chunk).ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(AuditRecord record)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await storage.AuditLog.AppendAsync(record).ConfigureAwait(false);
                Interlocked.Increment(ref _written);
                break;
            }
            catch (Exception e) when (attempt < 3 && e is not OperationCanceledException)
            {
                LogRetry(log, record.Action, attempt, e.Message);
            }
            catch (Exception e)
            {
                LogLost(log, record.Principal, record.Action, record.AccountId, record.Outcome, record.Detail, e.Message);
                break;
            }
        }
        Done();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit write of {Action} failed (attempt {Attempt}): {Error}")]
    private static partial void LogRetry(ILogger logger, string action, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit record not stored, logged instead: principal={Principal} action={Action} account={Account} outcome={Outcome} detail={Detail} error={Error}")]
    private static partial void LogLost(ILogger logger, string principal, string action, string account, string outcome, string detail, string error);
}
