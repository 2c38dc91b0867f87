namespace ActorTrading.Runtime.Supervision;

/// <summary>
/// Restarts the failed child after a delay that doubles with each failure
/// (<c>initialBackoff</c>, 2×, 4×… capped at <c>maxBackoff</c>); a failure more than
/// <c>backoffWindow</c> after the previous one starts again from <c>initialBackoff</c>.
/// Delays run on the system's <see cref="TimeProvider"/>. The child stays suspended meanwhile.
/// </summary>
public sealed class ExponentialBackoffStrategy(TimeSpan backoffWindow, TimeSpan initialBackoff, TimeSpan? maxBackoff = null)
    : ISupervisorStrategy
{
    public void HandleFailure(ISupervisor supervisor, PID child, RestartStatistics statistics, Exception reason, object? message)
    {
        var time = supervisor.System.TimeProvider;
        var now = time.GetUtcNow();
        if (statistics.LastFailureTime is { } last && now - last > backoffWindow) statistics.Reset();
        statistics.Fail(now);
        var delay = Delay(statistics.FailureCount);
        ITimer? timer = null;
        var state = new RestartLater(supervisor, reason, child);
        timer = time.CreateTimer(static s => ((RestartLater)s!).Run(), state, delay, Timeout.InfiniteTimeSpan);
        state.Timer = timer;
    }

    /// <summary>The delay before restart number <paramref name="failureCount"/>.</summary>
    public TimeSpan Delay(int failureCount)
    {
        var factor = Math.Pow(2, Math.Min(failureCount - 1, 30));
        var ticks = initialBackoff.Ticks * factor;
        var cap = (maxBackoff ?? TimeSpan.FromMinutes(1)).Ticks;
        return TimeSpan.FromTicks((long)Math.Min(ticks, cap));
    }

    private sealed class RestartLater(ISupervisor supervisor, Exception reason, PID child)
    {
        private int _ran;
        public ITimer? Timer;

        public void Run()
        {
            if (Interlocked.Exchange(ref _ran, 1) != 0) return;
            Timer?.Dispose();
            supervisor.RestartChildren(reason, child);
        }
    }
}
