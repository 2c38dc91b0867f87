namespace ActorTrading.Actors.Feeds;

/// <summary>
/// When to emit each replayed tick: tick i is due at start + (tᵢ − t₀) / speed on the replay clock. Speed 2 replays
/// twice as fast as recorded; speed ≤ 0 means as fast as possible (never wait). Out-of-order times are not waited for.
/// </summary>
public sealed class ReplayPacer(double speed)
{
    private DateTimeOffset? _firstTick;
    private DateTimeOffset _start;

    public double Speed { get; } = speed;

    /// <summary>How long to wait at <paramref name="now"/> before emitting a tick recorded at <paramref name="tickTime"/>.</summary>
    public TimeSpan DelayFor(DateTimeOffset tickTime, DateTimeOffset now)
    {
        if (Speed <= 0) return TimeSpan.Zero;
        if (_firstTick is null) { _firstTick = tickTime; _start = now; return TimeSpan.Zero; }
        var due = _start + TimeSpan.FromTicks((long)((tickTime - _firstTick.Value).Ticks / Speed));
        return due > now ? due - now : TimeSpan.Zero;
    }
}
