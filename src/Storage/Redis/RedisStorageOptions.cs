namespace ActorTrading.Storage.Redis;

/// <summary>How to reach Redis and how its keys are named.</summary>
public sealed record RedisStorageOptions(string Configuration)
{
    /// <summary>Prefix of every key (tests use one per class; nodes of one cluster share one).</summary>
    public string KeyPrefix { get; init; } = "at:";

    /// <summary>How long a verified API key is served from Redis; a revocation made elsewhere takes effect within it.</summary>
    public TimeSpan ApiKeyCacheTtl { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Milliseconds a Redis call may take before the store answers from its fallback.</summary>
    public int OperationTimeoutMs { get; init; } = 1000;

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
