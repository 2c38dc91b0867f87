namespace ActorTrading.Actors.Ports;

/// <summary>The outcome of a take: allowed, or refused with when to try again.</summary>
public readonly record struct RateLimitDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static RateLimitDecision Allow { get; } = new(true, TimeSpan.Zero);

    public static RateLimitDecision Deny(TimeSpan retryAfter) => new(false, retryAfter);
}
