namespace ActorTrading.Runtime.Timing;

/// <summary>
/// A clock that moves only when told: <see cref="Advance"/> or <see cref="SetUtcNow"/>. Timers
/// created from it fire synchronously, on the thread that moves the clock, in due-time order
/// (creation order on ties), each at its own due time. Used by tests and by deterministic replays.
/// Reading the time takes no lock, and moving it takes one uncontended lock and no timer scan until
/// the earliest due time is reached (a replay moves it once per tick). Times are reported in UTC.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = new();
    private long _nowTicks;                      // UTC ticks; written under the lock, read without it
    private long _nextDueTicks = long.MaxValue;  // under the lock: no timer is due before this
    private long _sequence;

    public ManualTimeProvider() : this(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)) { }

    public ManualTimeProvider(DateTimeOffset start) => _nowTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Volatile.Read(ref _nowTicks), TimeSpan.Zero);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Volatile.Read(ref _nowTicks);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Timers that are scheduled to fire.</summary>
    public int ActiveTimers
    {
        get { lock (_lock) return _timers.Count(t => t.DueTicks is not null); }
    }

    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        long target;
        lock (_lock) target = _nowTicks + delta.Ticks;
        MoveTo(target);
    }

    /// <summary>Moves the clock to <paramref name="now"/> (not backwards), firing the timers due on the way.</summary>
    public void SetUtcNow(DateTimeOffset now)
    {
        if (now.UtcTicks < Volatile.Read(ref _nowTicks)) throw new ArgumentOutOfRangeException(nameof(now), "the clock cannot go backwards");
        MoveTo(now.UtcTicks);
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_lock) _timers.Add(timer);
        timer.Change(dueTime, period);
        return timer;
    }

    private void MoveTo(long target)
    {
        while (true)
        {
            ManualTimer? next = null;
            lock (_lock)
            {
                if (target < _nextDueTicks)
                {
                    if (target > _nowTicks) Volatile.Write(ref _nowTicks, target);
                    return;
                }
                var earliest = long.MaxValue;
                foreach (var timer in _timers)
                {
                    if (timer.DueTicks is not { } due) continue;
                    if (due > target) { earliest = Math.Min(earliest, due); continue; }
                    if (next is null || due < next.DueTicks || (due == next.DueTicks && timer.Sequence < next.Sequence)) next = timer;
                }
                if (next is null)
                {
                    _nextDueTicks = earliest;
                    if (target > _nowTicks) Volatile.Write(ref _nowTicks, target);
                    return;
                }
                if (next.DueTicks > _nowTicks) Volatile.Write(ref _nowTicks, next.DueTicks!.Value);
                next.Reschedule();
                _nextDueTicks = long.MinValue; // others may be due too: scan again
            }
            next.Fire();
        }
    }

    /// <summary>Fires the timers already due (after a Change to zero).</summary>
    internal void FireDue()
    {
        MoveTo(Volatile.Read(ref _nowTicks));
    }

    /// <summary>Under the lock: the current time in UTC ticks.</summary>
    internal long NowTicks => _nowTicks;
    internal Lock Sync => _lock;

    /// <summary>Under the lock: a timer became due at <paramref name="dueTicks"/>.</summary>
    internal void NoteDue(long dueTicks)
    {
        if (dueTicks < _nextDueTicks) _nextDueTicks = dueTicks;
    }

    internal long NextSequence() => ++_sequence;
    internal void Remove(ManualTimer timer)
    {
        lock (_lock) _timers.Remove(timer);
    }
}
