using ActorTrading.Runtime.Messages;

namespace ActorTrading.Runtime.Future;

/// <summary>Request/response shared by the root and actor contexts and the cluster.</summary>
internal static class Requests
{
    public static Task<T> RequestAsync<T>(ActorSystem system, PID target, object message, TimeSpan timeout, CancellationToken ct)
    {
        var future = new FutureProcess<T>(system, timeout, ct);
        target.SendUserMessage(system, new MessageEnvelope(message, future.Pid));
        return future.Task;
    }

    /// <summary>Starts a request whose message the caller delivers itself (e.g. through the cluster).</summary>
    public static Task<T> RequestAsync<T>(ActorSystem system, Action<MessageEnvelope> deliver, object message, TimeSpan timeout, CancellationToken ct)
    {
        var future = new FutureProcess<T>(system, timeout, ct);
        deliver(new MessageEnvelope(message, future.Pid));
        return future.Task;
    }

    /// <summary>Watches <paramref name="target"/> with a future and completes when it has terminated.</summary>
    public static Task<Terminated> WatchFuture(ActorSystem system, PID target)
    {
        var future = new FutureProcess<Terminated>(system, Timeout.InfiniteTimeSpan, CancellationToken.None);
        target.SendSystemMessage(system, new Watch(future.Pid));
        return future.Task;
    }

    /// <summary>Stops <paramref name="pid"/> and completes when it has terminated.</summary>
    public static Task StopAsync(ActorSystem system, PID pid)
    {
        var terminated = WatchFuture(system, pid);
        pid.Stop(system);
        return terminated;
    }

    /// <summary>Sends <see cref="PoisonPill"/> (after the queued messages) and completes when it has terminated.</summary>
    public static Task PoisonAsync(ActorSystem system, PID pid)
    {
        var terminated = WatchFuture(system, pid);
        pid.SendUserMessage(system, PoisonPill.Instance);
        return terminated;
    }
}
