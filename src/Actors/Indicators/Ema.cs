namespace ActorTrading.Actors.Indicators;

/// <summary>
/// Exponential moving average, α = 2 / (period + 1), seeded with the SMA of the first <c>period</c> values:
/// EMAₜ = EMAₜ₋₁ + α × (xₜ − EMAₜ₋₁).
/// </summary>
public sealed class Ema
{
    private readonly decimal _alpha;
    private decimal _seedSum;
    private int _count;

    public Ema(int period)
    {
        if (period <= 0) throw new ArgumentOutOfRangeException(nameof(period), period, "period must be positive");
        Period = period;
        _alpha = 2m / (period + 1);
    }

    public int Period { get; }
    public bool IsReady => _count >= Period;
    public decimal Value { get; private set; }

    public decimal Update(decimal value)
    {
        if (_count < Period)
        {
            _seedSum += value;
            if (++_count == Period) Value = _seedSum / Period;
            return Value;
        }
        Value += _alpha * (value - Value);
        return Value;
    }
}
