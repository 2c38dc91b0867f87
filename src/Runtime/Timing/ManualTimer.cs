namespace ActorTrading.Runtime.Timing;

/// <summary>A timer of <see cref="ManualTimeProvider"/>.</summary>
internal sealed class ManualTimer(ManualTimeProvider clock, TimerCallback callback, object? state) : ITimer
{
    private TimeSpan _period = Timeout.InfiniteTimeSpan;
    private bool _disposed;

    /// <summary>When it fires next; null when not scheduled. Guarded by the clock's lock.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    public long Sequence { get; private set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan && dueTime < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(dueTime));
        lock (clock.Sync)
        {
            if (_disposed) return false;
            _period = period;
            Sequence = clock.NextSequence();
            DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : clock.Now + dueTime;
        }
        if (dueTime == TimeSpan.Zero) clock.FireDue();
        return true;
    }

    /// <summary>Under the clock's lock, before firing: the next due time of a periodic timer.</summary>
    public void Reschedule()
    {
        if (_period == Timeout.InfiniteTimeSpan || _period <= TimeSpan.Zero)
        {
            DueAt = null;
            return;
        }
        DueAt = DueAt!.Value + _period;
        Sequence = clock.NextSequence();
    }

    public void Fire() => callback(state);

    public void Dispose()
    {
        lock (clock.Sync)
        {
            _disposed = true;
            DueAt = null;
        }
        clock.Remove(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
