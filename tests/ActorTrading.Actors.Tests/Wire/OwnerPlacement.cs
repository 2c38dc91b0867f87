using ActorTrading.Runtime.Cluster;

namespace ActorTrading.Actors.Tests.Wire;

/// <summary>Places every identity on member <c>owner</c> (the first member while it is absent).</summary>
internal sealed class OwnerPlacement(string owner) : IPlacementStrategy
{
    public Member Place(ClusterIdentity identity, IReadOnlyList<Member> members) => members.FirstOrDefault(m => m.Id == owner) ?? members[0];
}
