using Microsoft.AspNetCore.Http.Features;

namespace ActorTrading.Grpc;

/// <summary>Ending a call at its deadline, also while the handler is still running or blocked in a flush.</summary>
public sealed partial class ServerCallContext
{
    /// <summary>How long a flush that waits on the client may delay the DEADLINE_EXCEEDED trailers before a reset.</summary>
    private static readonly TimeSpan FlushGrace = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Ends the call now with <paramref name="status"/> while the handler may still run (it ignored its deadline):
    /// its later writes throw. False if the call had already ended.
    /// </summary>
    internal async Task<bool> TryFinishEarlyAsync(Status status)
    {
        Task? flushDone = null;
        lock (_writeLock)
        {
            if (_finished)
            {
                return false;
            }

            _finished = true;
            if (_flushing)
            {
                _flushDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                flushDone = _flushDone.Task;
            }
            else
            {
                WriteStatus(status, null);
            }
        }

        if (flushDone is not null)
        {
            // The handler's flush waits on the client (flow control); trailers cannot be written under it. A reading
            // client lets it finish at once; one that stopped reading gets the stream reset instead.
            try
            {
                await flushDone.WaitAsync(FlushGrace).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                _http.Features.Get<IHttpResetFeature>()?.Reset(8); // CANCEL
                return true;
            }

            lock (_writeLock)
            {
                WriteStatus(status, null);
            }
        }

        await ResetAfterDeadlineAsync().ConfigureAwait(false);
        return true;
    }

    /// <summary>After a deadline: flush the status, then reset the stream so the client stops sending.</summary>
    internal async Task ResetAfterDeadlineAsync()
    {
        try
        {
            await _http.Response.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or OperationCanceledException)
        {
            // The client is gone already; nothing left to tell it.
        }

        if (!_requestCompleted && _http.Features.Get<IHttpResetFeature>() is { } reset)
        {
            reset.Reset(8); // CANCEL: stop the client sending a body nobody will read
        }
    }
}
