namespace ActorTrading.Actors.Model;

/// <summary>
/// Rolls one symbol's ticks into 1-minute bars on the last-trade price. A bar is emitted when a tick
/// of a later minute arrives or when <see cref="Flush"/> is called at or after the bar's end.
/// Ticks older than the bar being built are ignored (counted in <see cref="LateTicks"/>).
/// Minutes without ticks produce no bar.
/// </summary>
public sealed class BarBuilder
{
    private readonly SymbolId _symbol;
    private bool _building;
    private DateTimeOffset _start;
    private decimal _open, _high, _low, _close;
    private long _volume;

    public BarBuilder(SymbolId symbol) => _symbol = symbol;

    public long LateTicks { get; private set; }

    /// <summary>Adds a tick; returns the bar it completed, if any.</summary>
    public Bar? OnTick(MarketTick tick)
    {
        if (tick.Symbol != _symbol) ThrowHelper.Argument(nameof(tick), $"tick for {tick.Symbol} given to the bar builder of {_symbol}");
        var price = tick.Last > 0 ? tick.Last : tick.Mid;
        if (price <= 0) return null;
        var minute = FloorToMinute(tick.Time);
        Bar? completed = null;
        if (_building)
        {
            if (minute < _start) { LateTicks++; return null; }
            if (minute > _start) completed = Complete();
        }
        if (!_building)
        {
            _building = true;
            _start = minute;
            _open = _high = _low = price;
            _volume = 0;
        }
        if (price > _high) _high = price;
        if (price < _low) _low = price;
        _close = price;
        _volume += tick.Volume;
        return completed;
    }

    /// <summary>Emits the bar in progress if <paramref name="now"/> is at or past its end (timer-driven close).</summary>
    public Bar? Flush(DateTimeOffset now) => _building && now >= _start + Bar.Length ? Complete() : null;

    private Bar Complete()
    {
        _building = false;
        return new Bar(_symbol, _start, _open, _high, _low, _close, _volume);
    }

    public static DateTimeOffset FloorToMinute(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
}
