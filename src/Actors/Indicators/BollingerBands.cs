using ActorTrading.Actors.Model;

namespace ActorTrading.Actors.Indicators;

/// <summary>
/// Bollinger bands: middle = SMA(period), upper/lower = middle ± k × σ, where σ is the population standard
/// deviation of the window (running Σx and Σx², O(1) per update). Bandwidth = (upper − lower) / middle.
/// </summary>
public sealed class BollingerBands
{
    private readonly RollingWindow _window;
    private readonly decimal _k;
    private decimal _sum, _sumSquares;

    public BollingerBands(int period, decimal k = 2m)
    {
        if (k <= 0) throw new ArgumentOutOfRangeException(nameof(k), k, "k must be positive");
        _window = new RollingWindow(period);
        _k = k;
    }

    public int Period => _window.Size;
    public bool IsReady => _window.IsFull;
    public decimal Middle { get; private set; }
    public decimal Upper { get; private set; }
    public decimal Lower { get; private set; }
    public decimal StandardDeviation { get; private set; }
    public decimal Bandwidth => Middle == 0 ? 0 : (Upper - Lower) / Middle;

    public void Update(decimal value)
    {
        var evicted = _window.Push(value) ?? 0m;
        _sum += value - evicted;
        _sumSquares += value * value - evicted * evicted;
        if (!IsReady) return;
        Middle = _sum / Period;
        var variance = _sumSquares / Period - Middle * Middle;
        StandardDeviation = DecimalMath.Sqrt(Math.Max(0, variance));
        Upper = Middle + _k * StandardDeviation;
        Lower = Middle - _k * StandardDeviation;
    }
}
