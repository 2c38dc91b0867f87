namespace ActorTrading.Runtime.Timing;

/// <summary>
/// A clock that moves only when told: <see cref="Advance"/> or <see cref="SetUtcNow"/>. Timers
/// created from it fire synchronously, on the thread that moves the clock, in due-time order
/// (creation order on ties), each at its own due time. Used by tests and by deterministic replays.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = new();
    private DateTimeOffset _now;
    private long _sequence;

    public ManualTimeProvider() : this(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)) { }

    public ManualTimeProvider(DateTimeOffset start) => _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock) return _now;
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (_lock) return _now.UtcTicks;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Timers that are scheduled to fire.</summary>
    public int ActiveTimers
    {
        get { lock (_lock) return _timers.Count(t => t.DueAt is not null); }
    }

    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_lock) target = _now + delta;
        MoveTo(target);
    }

    /// <summary>Moves the clock to <paramref name="now"/> (not backwards), firing the timers due on the way.</summary>
    public void SetUtcNow(DateTimeOffset now)
    {
        lock (_lock)
            if (now < _now) throw new ArgumentOutOfRangeException(nameof(now), "the clock cannot go backwards");
        MoveTo(now);
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_lock) _timers.Add(timer);
        timer.Change(dueTime, period);
        return timer;
    }

    private void MoveTo(DateTimeOffset target)
    {
        while (true)
        {
            ManualTimer? next;
            lock (_lock)
            {
                next = null;
                foreach (var timer in _timers)
                    if (timer.DueAt is { } due && due <= target && (next is null || due < next.DueAt || (due == next.DueAt && timer.Sequence < next.Sequence)))
                        next = timer;
                if (next is null)
                {
                    if (target > _now) _now = target;
                    return;
                }
                if (next.DueAt > _now) _now = next.DueAt!.Value;
                next.Reschedule();
            }
            next.Fire();
        }
    }

    /// <summary>Fires the timers already due (after a Change to zero).</summary>
    internal void FireDue()
    {
        DateTimeOffset now;
        lock (_lock) now = _now;
        MoveTo(now);
    }

    internal DateTimeOffset Now => _now;
    internal Lock Sync => _lock;
    internal long NextSequence() => ++_sequence;
    internal void Remove(ManualTimer timer)
    {
        lock (_lock) _timers.Remove(timer);
    }
}
