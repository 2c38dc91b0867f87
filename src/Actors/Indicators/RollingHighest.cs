namespace ActorTrading.Actors.Indicators;

/// <summary>The highest value of the last <c>period</c> updates (amortized O(1), monotonic deque).</summary>
public sealed class RollingHighest
{
    private readonly MonotonicWindow _window;

    public RollingHighest(int period) => _window = new MonotonicWindow(period, max: true);

    public int Period => _window.Period;
    public bool IsReady => _window.IsReady;
    public decimal Value => _window.Value;

    public decimal Update(decimal value) => _window.Update(value);
}
