namespace ActorTrading.Actors.Indicators;

/// <summary>
/// Sliding-window extreme with a monotonic deque (ring arrays): each value enters and leaves once,
/// so updates are amortized O(1). <c>max</c> selects highest or lowest.
/// </summary>
internal sealed class MonotonicWindow
{
    private readonly decimal[] _values;
    private readonly long[] _indices;
    private readonly bool _max;
    private int _head, _count;
    private long _seen;

    public MonotonicWindow(int period, bool max)
    {
        if (period <= 0) throw new ArgumentOutOfRangeException(nameof(period), period, "period must be positive");
        Period = period;
        _values = new decimal[period];
        _indices = new long[period];
        _max = max;
    }

    public int Period { get; }
    public bool IsReady => _seen >= Period;
    public decimal Value => _count == 0 ? 0 : _values[_head];

    public decimal Update(decimal value)
    {
        var index = _seen++;
        if (_count > 0 && _indices[_head] <= index - Period) { _head = (_head + 1) % Period; _count--; }
        while (_count > 0)
        {
            var tail = (_head + _count - 1) % Period;
            if (_max ? _values[tail] > value : _values[tail] < value) break;
            _count--;
        }
        var slot = (_head + _count) % Period;
        _values[slot] = value;
        _indices[slot] = index;
        _count++;
        return Value;
    }
}
