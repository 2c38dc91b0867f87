namespace ActorTrading.Actors.Brokers;

/// <summary>
/// Exponential back-off for transient broker errors: delay(attempt) = min(maxDelay, baseDelay × 2^(attempt−1)),
/// attempt counted from 1, at most <c>maxAttempts</c> tries in total. A RateLimited error's RetryAfter is honoured
/// when longer. Rejections, NotFound and Protocol errors are never retried. Deterministic (no jitter): the gateway
/// spreads retries through its rate limiter instead.
/// </summary>
public sealed record RetryPolicy(int MaxAttempts = 5, TimeSpan? BaseDelay = null, TimeSpan? MaxDelay = null)
{
    public TimeSpan Base => BaseDelay ?? TimeSpan.FromMilliseconds(200);
    public TimeSpan Max => MaxDelay ?? TimeSpan.FromSeconds(5);

    /// <summary>After failed attempt number <paramref name="attempt"/> (1-based): retry, and after how long?</summary>
    public bool ShouldRetry(BrokerError error, int attempt, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        if (!error.IsTransient || attempt >= MaxAttempts) return false;
        var exponential = Base.Ticks * Math.Pow(2, attempt - 1);
        delay = exponential >= Max.Ticks ? Max : TimeSpan.FromTicks((long)exponential);
        if (error.RetryAfter is { } hint && hint > delay) delay = hint;
        return true;
    }
}
