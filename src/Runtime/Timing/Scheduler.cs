namespace ActorTrading.Runtime.Timing;

/// <summary>Sends messages later or periodically, on the system's <see cref="TimeProvider"/>.</summary>
public sealed class Scheduler(ActorSystem system)
{
    public ScheduledMessage ScheduleOnce(TimeSpan delay, PID target, object message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        var scheduled = new ScheduledMessage(system, target, message, repeat: false);
        scheduled.Start(delay, Timeout.InfiniteTimeSpan);
        return scheduled;
    }

    public ScheduledMessage ScheduleRepeatedly(TimeSpan delay, TimeSpan interval, PID target, object message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var scheduled = new ScheduledMessage(system, target, message, repeat: true);
        scheduled.Start(delay, interval);
        return scheduled;
    }
}
