using ActorTrading.Runtime.Cluster;

namespace ActorTrading.Runtime.Tests.Remote;

/// <summary>Places every identity on one member (to make two nodes disagree about ownership).</summary>
public sealed class FixedPlacement(string memberId) : IPlacementStrategy
{
    public Member Place(ClusterIdentity identity, IReadOnlyList<Member> members) =>
        members.FirstOrDefault(m => m.Id == memberId) ?? members[0];
}
