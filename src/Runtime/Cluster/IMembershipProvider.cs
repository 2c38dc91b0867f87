namespace ActorTrading.Runtime.Cluster;

/// <summary>
/// Where members announce themselves and learn about each other (in-process for one node;
/// Redis with TTL heartbeats for many: ActorTrading.Storage.Redis.RedisMembershipProvider). It reports every change of the live set.
/// </summary>
public interface IMembershipProvider
{
    Task JoinAsync(Member self, Action<IReadOnlyList<Member>> membersChanged, CancellationToken ct);
    Task LeaveAsync(Member self, CancellationToken ct);

    /// <summary>Reads the live set now (after a "not owner" answer) instead of waiting for the next change.</summary>
    Task RefreshAsync(CancellationToken ct) => Task.CompletedTask;
}
