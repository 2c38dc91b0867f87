using ActorTrading.Runtime.Cluster;
using ActorTrading.Runtime.Supervision;

namespace ActorTrading.Runtime.Context;

/// <summary>The rarely used state of an actor, created on first need so a plain actor stays small.</summary>
internal sealed class ActorContextExtras
{
    public HashSet<PID>? Children;
    public HashSet<PID>? Watchers;
    /// <summary>The actors this one watches: told to forget it (Unwatch) when it stops, so no watcher set keeps a dead PID.</summary>
    public HashSet<PID>? Watching;
    public List<object>? Stash;
    public Queue<object>? Unstashed;
    public ITimer? ReceiveTimer;
    public TimeSpan ReceiveTimeout;
    public RestartStatistics? RestartStatistics;
    public ClusterIdentity? ClusterIdentity;
    public Activation? Activation;

    public bool HasUnstashed => Unstashed is { Count: > 0 };

    public int ChildCount => Children?.Count ?? 0;
}
