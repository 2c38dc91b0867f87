using ActorTrading.Actors.Model;

namespace ActorTrading.Actors.Indicators;

/// <summary>
/// Wilder's Average True Range. TR = max(H − L, |H − prevC|, |L − prevC|) (H − L for the first bar);
/// the first ATR is the mean of the first <c>period</c> TRs, then ATR = (ATR × (period − 1) + TR) / period.
/// </summary>
public sealed class Atr
{
    private decimal? _previousClose;
    private decimal _seedSum;
    private int _count;

    public Atr(int period)
    {
        if (period <= 0) throw new ArgumentOutOfRangeException(nameof(period), period, "period must be positive");
        Period = period;
    }

    public int Period { get; }
    public bool IsReady => _count >= Period;
    public decimal Value { get; private set; }
    /// <summary>The true range of the latest update.</summary>
    public decimal LastTrueRange { get; private set; }

    public decimal Update(Bar bar) => Update(bar.High, bar.Low, bar.Close);

    public decimal Update(decimal high, decimal low, decimal close)
    {
        var tr = _previousClose is { } pc ? Math.Max(high - low, Math.Max(Math.Abs(high - pc), Math.Abs(low - pc))) : high - low;
        _previousClose = close;
        LastTrueRange = tr;
        if (_count < Period)
        {
            _seedSum += tr;
            if (++_count == Period) Value = _seedSum / Period;
            return Value;
        }
        _count++;
        Value = (Value * (Period - 1) + tr) / Period;
        return Value;
    }
}
