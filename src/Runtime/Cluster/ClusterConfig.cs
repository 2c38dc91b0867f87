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

    /// <summary>Remoting to the other members (null: one node; an identity placed elsewhere is an error).</summary>
    public Remote.Remote? Remote { get; init; }

    /// <summary>Times a request is sent again after a "not owner" answer (the member lists differed), refreshing members each time.</summary>
    public int MaxMovedRetries { get; init; } = 5;
}
