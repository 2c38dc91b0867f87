namespace ActorTrading.Runtime.Timing;

/// <summary>A timer of <see cref="ManualTimeProvider"/>.</summary>
internal sealed class ManualTimer(ManualTimeProvider clock, TimerCallback callback, object? state) : ITimer
{
    private TimeSpan _period = Timeout.InfiniteTimeSpan;
    private bool _disposed;

    /// <summary>When it fires next (UTC ticks); null when not scheduled. Guarded by the clock's lock.</summary>
    public long? DueTicks { get; private set; }

    public long Sequence { get; private set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan && dueTime < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(dueTime));
        lock (clock.Sync)
        {
            if (_disposed) return false;
            _period = period;
            Sequence = clock.NextSequence();
            DueTicks = dueTime == Timeout.InfiniteTimeSpan ? null : clock.NowTicks + dueTime.Ticks;
            if (DueTicks is { } due) clock.NoteDue(due);
        }
        if (dueTime == TimeSpan.Zero) clock.FireDue();
        return true;
    }

    /// <summary>Under the clock's lock, before firing: the next due time of a periodic timer.</summary>
    public void Reschedule()
    {
        if (_period == Timeout.InfiniteTimeSpan || _period <= TimeSpan.Zero)
        {
            DueTicks = null;
            return;
        }
        DueTicks = DueTicks!.Value + _period.Ticks;
        Sequence = clock.NextSequence();
    }

    public void Fire() => callback(state);

    public void Dispose()
    {
        lock (clock.Sync)
        {
            _disposed = true;
            DueTicks = null;
        }
        clock.Remove(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
