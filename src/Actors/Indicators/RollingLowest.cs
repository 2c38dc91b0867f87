namespace ActorTrading.Actors.Indicators;

/// <summary>The lowest value of the last <c>period</c> updates (amortized O(1), monotonic deque).</summary>
public sealed class RollingLowest
{
    private readonly MonotonicWindow _window;

    public RollingLowest(int period) => _window = new MonotonicWindow(period, max: false);

    public int Period => _window.Period;
    public bool IsReady => _window.IsReady;
    public decimal Value => _window.Value;

    public decimal Update(decimal value) => _window.Update(value);
}
