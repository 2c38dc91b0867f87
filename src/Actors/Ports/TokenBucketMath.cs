namespace ActorTrading.Actors.Ports;

/// <summary>
/// The token-bucket rules every <see cref="IRateLimitStore"/> applies (the Redis Lua script mirrors
/// this code line by line). Tokens are kept in thousandths so state is integral.
/// </summary>
public static class TokenBucketMath
{
    public const long Scale = 1000;

    /// <summary>Mutable state of one bucket.</summary>
    public struct State
    {
        public long MilliTokens;
        public long UpdatedMs;
        public long MinuteIndex;
        public long MinuteCount;
        public bool Initialized;
    }

    public static RateLimitDecision TryTake(ref State s, RateLimitPolicy p, int tokens, long nowMs)
    {
        if (tokens <= 0) throw new ArgumentOutOfRangeException(nameof(tokens), tokens, "must be > 0");
        long capacity = p.Burst * Scale;
        if (!s.Initialized) { s = new State { MilliTokens = capacity, UpdatedMs = nowMs, Initialized = true }; }
        if (nowMs > s.UpdatedMs)
        {
            s.MilliTokens = Math.Min(capacity, s.MilliTokens + (nowMs - s.UpdatedMs) * p.RatePerSecond);
            s.UpdatedMs = nowMs;
        }
        long minute = nowMs / 60_000;
        if (minute != s.MinuteIndex) { s.MinuteIndex = minute; s.MinuteCount = 0; }
        long need = tokens * Scale;
        if (p.PerMinuteCap > 0 && s.MinuteCount + tokens > p.PerMinuteCap)
            return RateLimitDecision.Deny(TimeSpan.FromMilliseconds((minute + 1) * 60_000 - nowMs));
        if (need > capacity)
            return RateLimitDecision.Deny(TimeSpan.MaxValue);
        if (s.MilliTokens < need)
        {
            long waitMs = (need - s.MilliTokens + p.RatePerSecond - 1) / p.RatePerSecond;
            return RateLimitDecision.Deny(TimeSpan.FromMilliseconds(waitMs));
        }
        s.MilliTokens -= need;
        s.MinuteCount += tokens;
        return RateLimitDecision.Allow;
    }
}
