namespace ActorTrading.Runtime.Cluster;

/// <summary>The address of a virtual actor: its kind and its id within the kind (e.g. <c>account/ACC-1</c>).</summary>
public readonly record struct ClusterIdentity
{
    public ClusterIdentity(string kind, string identity)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(identity);
        Kind = kind;
        Identity = identity;
    }

    public string Kind { get; }
    public string Identity { get; }

    public override string ToString() => Kind + "/" + Identity;
}
