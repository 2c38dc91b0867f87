namespace ActorTrading.Actors.Indicators;

/// <summary>
/// Wilder's RSI on closes. The first average gain/loss is the mean of the first <c>period</c> changes;
/// afterwards avg = (avg × (period − 1) + current) / period. RSI = 100 − 100 / (1 + avgGain / avgLoss)
/// (100 when there was no loss). Ready after period + 1 closes.
/// </summary>
public sealed class Rsi
{
    private decimal? _previous;
    private decimal _avgGain, _avgLoss;
    private int _changes;

    public Rsi(int period)
    {
        if (period <= 0) throw new ArgumentOutOfRangeException(nameof(period), period, "period must be positive");
        Period = period;
    }

    public int Period { get; }
    public bool IsReady => _changes >= Period;
    public decimal Value { get; private set; }

    public decimal Update(decimal close)
    {
        if (_previous is not { } prev) { _previous = close; return Value; }
        _previous = close;
        var change = close - prev;
        var gain = change > 0 ? change : 0;
        var loss = change < 0 ? -change : 0;
        _changes++;
        if (_changes <= Period)
        {
            _avgGain += gain / Period;
            _avgLoss += loss / Period;
            if (_changes < Period) return Value;
        }
        else
        {
            _avgGain = (_avgGain * (Period - 1) + gain) / Period;
            _avgLoss = (_avgLoss * (Period - 1) + loss) / Period;
        }
        Value = _avgLoss == 0 ? (_avgGain == 0 ? 50m : 100m) : 100m - 100m / (1m + _avgGain / _avgLoss);
        return Value;
    }
}
