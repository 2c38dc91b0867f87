namespace ActorTrading.Actors.Brokers;

/// <summary>
/// At most <c>permits</c> grants in ANY window of length <c>window</c> — exact, unlike a token bucket whose burst
/// plus refill can exceed the rate in some window. Keeps the last <c>permits</c> grant times in a ring: a grant is
/// allowed when the oldest of them is at least one window old. O(1), no allocation. Not thread-safe.
/// </summary>
public sealed class SlidingWindowRateLimiter
{
    private readonly TimeProvider _time;
    private readonly long[] _grants;
    private readonly long _windowTicks;
    private int _next, _count;

    public SlidingWindowRateLimiter(TimeProvider time, int permits, TimeSpan window)
    {
        if (permits <= 0) throw new ArgumentOutOfRangeException(nameof(permits), permits, "permits must be positive");
        if (window <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(window), window, "window must be positive");
        _time = time;
        _grants = new long[permits];
        _windowTicks = window.Ticks;
        Window = window;
    }

    public int Permits => _grants.Length;
    public TimeSpan Window { get; }

    /// <summary>Zero when a grant is possible now, otherwise how long until it is.</summary>
    public TimeSpan TimeUntilAvailable()
    {
        if (_count < _grants.Length) return TimeSpan.Zero;
        var oldest = _grants[_next];
        var wait = oldest + _windowTicks - _time.GetUtcNow().UtcTicks;
        return wait <= 0 ? TimeSpan.Zero : TimeSpan.FromTicks(wait);
    }

    public bool TryAcquire()
    {
        if (TimeUntilAvailable() > TimeSpan.Zero) return false;
        Record();
        return true;
    }

    /// <summary>Records a grant without checking (used after checking several limiters together).</summary>
    internal void Record()
    {
        _grants[_next] = _time.GetUtcNow().UtcTicks;
        _next = (_next + 1) % _grants.Length;
        if (_count < _grants.Length) _count++;
    }
}
