namespace ActorTrading.Runtime.Cluster;

/// <summary>Settings of a <see cref="Cluster"/>.</summary>
public sealed record ClusterConfig
{
    public ClusterConfig(string memberId, params ClusterKind[] kinds)
    {
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        MemberId = memberId;
        Kinds = kinds;
    }

    public string MemberId { get; }
    public IReadOnlyList<ClusterKind> Kinds { get; init; }
    public IMembershipProvider MembershipProvider { get; init; } = new InProcessMembershipProvider();
    public IPlacementStrategy PlacementStrategy { get; init; } = RendezvousPlacementStrategy.Instance;
}
