namespace ActorTrading.Actors.Risk;

/// <summary>
/// A token bucket on an injected <see cref="TimeProvider"/>: <c>capacity</c> tokens, refilled continuously at
/// <c>refillPerSecond</c>. Not thread-safe (one actor owns it). Allows bursts up to capacity.
/// </summary>
public sealed class TokenBucket
{
    private readonly TimeProvider _time;
    private readonly decimal _capacity;
    private readonly decimal _refillPerTick;
    private decimal _tokens;
    private long _lastTicks;

    public TokenBucket(TimeProvider time, int capacity, decimal refillPerSecond)
    {
        if (capacity <= 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "capacity must be positive");
        if (refillPerSecond <= 0) throw new ArgumentOutOfRangeException(nameof(refillPerSecond), refillPerSecond, "refill rate must be positive");
        _time = time;
        _capacity = capacity;
        _refillPerTick = refillPerSecond / TimeSpan.TicksPerSecond;
        _tokens = capacity;
        _lastTicks = time.GetUtcNow().UtcTicks;
    }

    public int Capacity => (int)_capacity;

    public decimal Available { get { Refill(); return _tokens; } }

    /// <summary>Takes <paramref name="tokens"/> if available now; false otherwise (nothing taken).</summary>
    public bool TryTake(int tokens = 1)
    {
        Refill();
        if (_tokens < tokens) return false;
        _tokens -= tokens;
        return true;
    }

    /// <summary>How long until <paramref name="tokens"/> would be available (zero if now).</summary>
    public TimeSpan TimeUntilAvailable(int tokens = 1)
    {
        Refill();
        if (_tokens >= tokens) return TimeSpan.Zero;
        return TimeSpan.FromTicks((long)Math.Ceiling((tokens - _tokens) / _refillPerTick));
    }

    private void Refill()
    {
        var now = _time.GetUtcNow().UtcTicks;
        var elapsed = now - _lastTicks;
        if (elapsed <= 0) return;
        _lastTicks = now;
        _tokens = Math.Min(_capacity, _tokens + elapsed * _refillPerTick);
    }
}
