namespace ActorTrading.Actors.Ports;

/// <summary>
/// A distributed token bucket: one broker connection's limit holds across every process.
/// Atomic per bucket key.
/// </summary>
public interface IRateLimitStore
{
    /// <summary>Takes <paramref name="tokens"/> from the bucket if both the per-second bucket and the per-minute cap allow it.</summary>
    ValueTask<RateLimitDecision> TryTakeAsync(string bucketKey, RateLimitPolicy policy, int tokens = 1, CancellationToken cancellationToken = default);
}
