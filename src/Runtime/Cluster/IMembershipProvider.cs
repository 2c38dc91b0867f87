namespace ActorTrading.Runtime.Cluster;

/// <summary>
/// Where members announce themselves and learn about each other (in-process here; a Redis
/// provider with TTL heartbeats later). It reports every change of the live set.
/// </summary>
public interface IMembershipProvider
{
    Task JoinAsync(Member self, Action<IReadOnlyList<Member>> membersChanged, CancellationToken ct);
    Task LeaveAsync(Member self, CancellationToken ct);
}
