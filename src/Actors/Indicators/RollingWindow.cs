namespace ActorTrading.Actors.Indicators;

/// <summary>A fixed-size ring of the last N values; <see cref="Push"/> returns the value it pushed out.</summary>
internal sealed class RollingWindow
{
    private readonly decimal[] _values;
    private int _next;

    public RollingWindow(int size)
    {
        if (size <= 0) throw new ArgumentOutOfRangeException(nameof(size), size, "period must be positive");
        _values = new decimal[size];
    }

    public int Size => _values.Length;
    public int Count { get; private set; }
    public bool IsFull => Count == _values.Length;

    /// <summary>Adds a value; returns the evicted value when the window was full, else null.</summary>
    public decimal? Push(decimal value)
    {
        decimal? evicted = IsFull ? _values[_next] : null;
        _values[_next] = value;
        _next = (_next + 1) % _values.Length;
        if (!IsFull) Count++;
        return evicted;
    }
}
