namespace ActorTrading.Actors.Brokers;

/// <summary>
/// The broker's order rate: at most <c>perSecond</c> in any 1-second window and <c>perMinute</c> in any 60-second
/// window (defaults 10/s and 200/min, the common Indian-broker API limits). A grant counts against both.
/// </summary>
public sealed class OrderRateLimiter(TimeProvider time, int perSecond = 10, int perMinute = 200)
{
    private readonly SlidingWindowRateLimiter _second = new(time, perSecond, TimeSpan.FromSeconds(1));
    private readonly SlidingWindowRateLimiter _minute = new(time, perMinute, TimeSpan.FromMinutes(1));

    public int PerSecond => _second.Permits;
    public int PerMinute => _minute.Permits;

    public TimeSpan TimeUntilAvailable()
    {
        var a = _second.TimeUntilAvailable();
        var b = _minute.TimeUntilAvailable();
        return a > b ? a : b;
    }

    public bool TryAcquire()
    {
        if (TimeUntilAvailable() > TimeSpan.Zero) return false;
        _second.Record();
        _minute.Record();
        return true;
    }
}
