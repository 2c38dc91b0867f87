namespace ActorTrading.Runtime.Cluster;

/// <summary>
/// A kind of virtual actor: how to create one, and after how long without messages an
/// activation is passivated (null: never). The next message re-activates it.
/// </summary>
public sealed record ClusterKind
{
    public ClusterKind(string name, Props props)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Props = props ?? throw new ArgumentNullException(nameof(props));
    }

    public string Name { get; }
    public Props Props { get; }
    public TimeSpan? IdleTimeout { get; init; }

    /// <summary>True: every node hosts its own activation of each identity (never placed on another node, never remote),
    /// e.g. a per-node market-data relay or broker connection.</summary>
    public bool IsNodeLocal { get; init; }

    public ClusterKind AsNodeLocal() => this with { IsNodeLocal = true };

    public ClusterKind WithIdleTimeout(TimeSpan idleTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(idleTimeout, TimeSpan.Zero);
        return this with { IdleTimeout = idleTimeout };
    }
}
