namespace ActorTrading.Storage.Redis;

/// <summary>
/// Timing of <see cref="RedisMembershipProvider"/>: a member's key lives <see cref="Ttl"/> and is renewed every
/// <see cref="HeartbeatInterval"/>; a member that misses heartbeats for <see cref="Ttl"/> drops out. Every node also reads
/// the set every <see cref="HeartbeatInterval"/> (and at once when a change is published).
/// </summary>
public sealed record RedisMembershipOptions
{
    /// <summary>Nodes with the same name (and key prefix) form one cluster.</summary>
    public string ClusterName { get; init; } = "actortrading";

    public TimeSpan Ttl { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How long joining waits for Redis (a node starting while its connection is still being made, or Redis
    /// restarting) before the join fails with a clear error.</summary>
    public TimeSpan JoinTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The problem with these settings, or null.</summary>
    public string? Problem =>
        Ttl <= TimeSpan.Zero ? "the membership TTL must be positive"
        : HeartbeatInterval <= TimeSpan.Zero || HeartbeatInterval * 2 > Ttl ? "the heartbeat interval must be positive and at most half the TTL"
        : JoinTimeout <= TimeSpan.Zero ? "the join timeout must be positive"
        : null;
}
