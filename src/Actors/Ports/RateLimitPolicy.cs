namespace ActorTrading.Actors.Ports;

/// <summary>
/// A token bucket refilled at <see cref="RatePerSecond"/> holding at most <see cref="Burst"/> tokens,
/// plus at most <see cref="PerMinuteCap"/> takes per calendar minute (0 = no cap).
/// </summary>
public sealed record RateLimitPolicy
{
    public RateLimitPolicy(int ratePerSecond, int burst, int perMinuteCap = 0)
    {
        if (ratePerSecond <= 0) throw new ArgumentOutOfRangeException(nameof(ratePerSecond), ratePerSecond, "must be > 0");
        if (burst <= 0) throw new ArgumentOutOfRangeException(nameof(burst), burst, "must be > 0");
        if (perMinuteCap < 0) throw new ArgumentOutOfRangeException(nameof(perMinuteCap), perMinuteCap, "must be >= 0");
        RatePerSecond = ratePerSecond;
        Burst = burst;
        PerMinuteCap = perMinuteCap;
    }

    public int RatePerSecond { get; }

    public int Burst { get; }

    public int PerMinuteCap { get; }
}
