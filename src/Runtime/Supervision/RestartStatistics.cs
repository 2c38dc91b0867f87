namespace ActorTrading.Runtime.Supervision;

/// <summary>
/// The failure history of one actor (kept across its restarts): the times of its failures on
/// the system's <see cref="TimeProvider"/>, so retry windows are deterministic under a fake clock.
/// Touched only by the supervisor while the child is suspended.
/// </summary>
public sealed class RestartStatistics
{
    private readonly List<DateTimeOffset> _failureTimes = new();

    public int FailureCount => _failureTimes.Count;

    public DateTimeOffset? LastFailureTime => _failureTimes.Count == 0 ? null : _failureTimes[^1];

    public void Fail(DateTimeOffset now) => _failureTimes.Add(now);

    public void Reset() => _failureTimes.Clear();

    /// <summary>Failures in the window ending at <paramref name="now"/>; all of them when <paramref name="within"/> is null.</summary>
    public int NumberOfFailures(TimeSpan? within, DateTimeOffset now)
    {
        if (within is null) return _failureTimes.Count;
        var since = now - within.Value;
        var count = 0;
        foreach (var time in _failureTimes)
            if (time > since) count++;
        return count;
    }
}
