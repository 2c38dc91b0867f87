using ActorTrading.Runtime.Diagnostics;
using ActorTrading.Runtime.Messages;

namespace ActorTrading.Runtime.Future;

/// <summary>Request/response shared by the root and actor contexts.</summary>
internal static class Requests
{
    public static Task<T> RequestAsync<T>(ActorSystem system, PID target, object message, TimeSpan timeout, CancellationToken ct)
    {
        var future = new FutureProcess(system, timeout, ct);
        target.SendUserMessage(system, new MessageEnvelope(message, future.Pid));
        return Complete<T>(future.Task);
    }

    /// <summary>Starts a request whose message the caller delivers itself (e.g. through the cluster).</summary>
    public static Task<T> RequestAsync<T>(ActorSystem system, Action<MessageEnvelope> deliver, object message, TimeSpan timeout, CancellationToken ct)
    {
        var future = new FutureProcess(system, timeout, ct);
        deliver(new MessageEnvelope(message, future.Pid));
        return Complete<T>(future.Task);
    }

    private static Task<T> Complete<T>(Task<object> task)
    {
        if (!task.IsCompletedSuccessfully) return Await(task);
        try
        {
            return Task.FromResult(Convert<T>(task.Result));
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }

        static async Task<T> Await(Task<object> pending) => Convert<T>(await pending.ConfigureAwait(false));
    }

    /// <summary>Watches <paramref name="target"/> with a future and completes when it has terminated.</summary>
    public static Task<object> WatchFuture(ActorSystem system, PID target, out PID watcher)
    {
        var future = new FutureProcess(system, Timeout.InfiniteTimeSpan, CancellationToken.None);
        watcher = future.Pid;
        target.SendSystemMessage(system, new Watch(future.Pid));
        return future.Task;
    }

    private static T Convert<T>(object response) => response switch
    {
        T typed => typed,
        DeadLetterResponse dead => throw new DeadLetterException(dead.Target),
        MessageRejected rejected => throw new MessageRejectedException(rejected.Target, rejected.Message),
        _ => ThrowHelper.UnexpectedResponse<T>(response),
    };
}
