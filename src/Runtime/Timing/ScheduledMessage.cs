namespace ActorTrading.Runtime.Timing;

/// <summary>A message scheduled by <see cref="Scheduler"/>; dispose or <see cref="Cancel"/> to stop it.</summary>
public sealed class ScheduledMessage : IDisposable
{
    private readonly ActorSystem _system;
    private readonly PID _target;
    private readonly object _message;
    private readonly bool _repeat;
    private ITimer? _timer;
    private int _cancelled;

    internal ScheduledMessage(ActorSystem system, PID target, object message, bool repeat)
    {
        _system = system;
        _target = target;
        _message = message;
        _repeat = repeat;
    }

    public bool IsCancelled => Volatile.Read(ref _cancelled) != 0;

    internal void Start(TimeSpan delay, TimeSpan period)
    {
        var timer = _system.TimeProvider.CreateTimer(static s => ((ScheduledMessage)s!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer = timer;
        timer.Change(delay, period);
    }

    private void Fire()
    {
        if (IsCancelled) return;
        _target.SendUserMessage(_system, _message);
        if (!_repeat) Cancel();
    }

    public void Cancel()
    {
        if (Interlocked.Exchange(ref _cancelled, 1) == 0) _timer?.Dispose();
    }

    public void Dispose() => Cancel();
}
