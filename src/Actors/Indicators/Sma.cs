namespace ActorTrading.Actors.Indicators;

/// <summary>Simple moving average of the last <c>period</c> values; O(1) per update (running sum).</summary>
public sealed class Sma
{
    private readonly RollingWindow _window;
    private decimal _sum;

    public Sma(int period) => _window = new RollingWindow(period);

    public int Period => _window.Size;
    public bool IsReady => _window.IsFull;
    /// <summary>The average once <see cref="IsReady"/>; 0 before.</summary>
    public decimal Value { get; private set; }

    public decimal Update(decimal value)
    {
        _sum += value - (_window.Push(value) ?? 0m);
        if (IsReady) Value = _sum / Period;
        return Value;
    }
}
