namespace ActorTrading.Runtime.Cluster;

/// <summary>Chooses the member that owns an identity.</summary>
public interface IPlacementStrategy
{
    Member Place(ClusterIdentity identity, IReadOnlyList<Member> members);
}
