namespace ActorTrading.Runtime.Events;

/// <summary>
/// Writes dead letters to a sink (e.g. the host's logger), at most <c>maxPerPeriod</c> lines per
/// period on the system clock, then one summary line with the number suppressed. Counting always
/// happens in the metrics; this only keeps the log readable during a storm.
/// </summary>
public sealed class DeadLetterLog
{
    private readonly Lock _lock = new();
    private readonly Action<string> _sink;
    private readonly TimeProvider _time;
    private readonly int _maxPerPeriod;
    private readonly TimeSpan _period;
    private DateTimeOffset _periodStart;
    private int _written;
    private int _suppressed;

    public DeadLetterLog(Action<string> sink, TimeProvider time, int maxPerPeriod, TimeSpan period)
    {
        _sink = sink;
        _time = time;
        _maxPerPeriod = maxPerPeriod;
        _period = period;
        _periodStart = time.GetUtcNow();
    }

    public void Write(DeadLetterEvent evt)
    {
        string? line = null;
        string? summary = null;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (now - _periodStart >= _period)
            {
                if (_suppressed > 0) summary = $"dead letters: {_suppressed} more suppressed in the last {_period}";
                _periodStart = now;
                _written = 0;
                _suppressed = 0;
            }
            if (_written < _maxPerPeriod)
            {
                _written++;
                line = $"dead letter: {evt.Message.GetType().Name} to {evt.Pid} from {evt.Sender?.ToString() ?? "no sender"}";
            }
            else
            {
                _suppressed++;
            }
        }
        if (summary is not null) _sink(summary);
        if (line is not null) _sink(line);
    }
}
