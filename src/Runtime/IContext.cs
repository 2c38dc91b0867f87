using ActorTrading.Runtime.Cluster;

namespace ActorTrading.Runtime;

/// <summary>
/// Everything an actor can do while it handles a message. One context exists per actor (reused
/// for every message); it is only valid on the actor's turn.
/// </summary>
public interface IContext : ISenderContext, ISpawnerContext, IStopperContext
{
    PID Self { get; }

    /// <summary>Null for root actors.</summary>
    PID? Parent { get; }

    /// <summary>Who to respond to; null for a plain <c>Send</c>.</summary>
    PID? Sender { get; }

    /// <summary>The current message (lifecycle messages included).</summary>
    object Message { get; }

    IReadOnlyDictionary<string, string>? Headers { get; }

    IActor Actor { get; }

    IReadOnlyCollection<PID> Children { get; }

    /// <summary>The virtual-actor identity when this actor is a cluster activation.</summary>
    ClusterIdentity? ClusterIdentity { get; }

    /// <summary>Sends to <see cref="Sender"/> (to dead letters when there is none).</summary>
    void Respond(object message);

    /// <summary>Sends the current message, with its sender, to <paramref name="target"/>.</summary>
    void Forward(PID target);

    /// <summary>Delivers <c>Terminated</c> when <paramref name="pid"/> stops (at once if it is already gone).</summary>
    void Watch(PID pid);

    void Unwatch(PID pid);

    TimeSpan ReceiveTimeout { get; }

    /// <summary>Delivers <c>ReceiveTimeout</c> when no message arrived for <paramref name="duration"/> (system clock).</summary>
    void SetReceiveTimeout(TimeSpan duration);

    void CancelReceiveTimeout();

    /// <summary>Lets the actor go on with other messages while <paramref name="target"/> runs; when it
    /// completes, <paramref name="action"/> runs on the actor's turn, with this message as the current one.</summary>
    void ReenterAfter(Task target, Func<Task, Task> action);

    void ReenterAfter<T>(Task<T> target, Func<Task<T>, Task> action);

    void ReenterAfter(Task target, Action action);

    /// <summary>Puts the current message aside until <see cref="UnstashAll"/>.</summary>
    void Stash();

    /// <summary>Replays the stashed messages, oldest first, before the next message of the mailbox.</summary>
    void UnstashAll();
}
