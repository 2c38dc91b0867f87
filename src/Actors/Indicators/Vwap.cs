namespace ActorTrading.Actors.Indicators;

/// <summary>
/// Session volume-weighted average price: Σ(price × volume) / Σ volume since the session began. A new
/// session (a different <see cref="DateOnly"/> key, normally the exchange-local trading date) resets it.
/// </summary>
public sealed class Vwap
{
    private decimal _priceVolume;
    private long _volume;
    private DateOnly? _session;

    public bool IsReady => _volume > 0;
    public decimal Value { get; private set; }
    public long SessionVolume => _volume;

    public decimal Update(DateOnly session, decimal price, long volume)
    {
        if (volume < 0) throw new ArgumentOutOfRangeException(nameof(volume), volume, "volume must not be negative");
        if (_session != session) Reset(session);
        _priceVolume += price * volume;
        _volume += volume;
        if (_volume > 0) Value = _priceVolume / _volume;
        return Value;
    }

    public void Reset(DateOnly session)
    {
        _session = session;
        _priceVolume = 0;
        _volume = 0;
        Value = 0;
    }
}
