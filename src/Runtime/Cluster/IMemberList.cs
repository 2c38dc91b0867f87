namespace ActorTrading.Runtime.Cluster;

/// <summary>The live members as this node sees them.</summary>
public interface IMemberList
{
    Member Self { get; }
    IReadOnlyList<Member> Members { get; }
    event Action<IReadOnlyList<Member>>? Changed;
}
