using ActorTrading.Actors.Ports;

namespace ActorTrading.Actors.InMemory;

/// <summary>Token buckets in this process (the embedded node, and the fallback when Redis is lost).</summary>
public sealed class InMemoryRateLimitStore : IRateLimitStore
{
    private readonly Dictionary<string, TokenBucketMath.State> _buckets = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    public InMemoryRateLimitStore(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    public ValueTask<RateLimitDecision> TryTakeAsync(string bucketKey, RateLimitPolicy policy, int tokens = 1, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucketKey);
        ArgumentNullException.ThrowIfNull(policy);
        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_gate)
        {
            _buckets.TryGetValue(bucketKey, out var state);
            var decision = TokenBucketMath.TryTake(ref state, policy, tokens, now);
            _buckets[bucketKey] = state;
            return new ValueTask<RateLimitDecision>(decision);
        }
    }
}
