using ActorTrading.Actors.Model;

namespace ActorTrading.Actors.Accounts;

/// <summary>
/// The position child's decision of which marks to send the account (<see cref="PositionMarked"/>). Instead of one
/// per tick, a symbol's mark goes out when its price changed and the last one went out at least an interval ago (the
/// portfolio interval: what portfolio pushes need), and — exactly when the account's daily-loss rule would trip — the
/// marks of every symbol whose price moved go out at once, so the account sees the breach on the same tick as before.
/// The trip test follows the account's <see cref="LossWatch"/>: the account's day P&amp;L at the child's latest prices is
/// the watch's day P&amp;L plus Σ quantity·(price − mark); it trips when that falls by the headroom or more. Until the first
/// watch arrives, and while the account streams portfolio snapshots (<see cref="LossWatch.EveryTick"/>), every tick is
/// reported (the account decides, as before). Exact decimal arithmetic throughout.
/// </summary>
public sealed class MarkReporter(long intervalTimestampTicks)
{
    private readonly Dictionary<SymbolId, Entry> _symbols = new();
    private Entry? _lastEntry;
    private LossWatch? _watch;
    private decimal[] _prices = [];   // the latest price of each watched position (its watch mark until a tick moves it)
    private decimal _fall;            // Σ quantity·(price − mark) over the watched positions

    /// <summary>True when a watch has arrived and its rule is armed.</summary>
    public bool Armed => _watch?.Headroom is not null;

    /// <summary>
    /// The account sent a new watch: it replaces the old one, priced at the latest ticks seen since. If those ticks
    /// already trip it (they were judged against the previous watch, e.g. before a losing fill), their marks go out now.
    /// </summary>
    public void OnWatch(LossWatch watch, long now, List<PositionMarked> toReport)
    {
        _watch = watch;
        if (_prices.Length != watch.Positions.Count) _prices = new decimal[watch.Positions.Count];
        _fall = 0;
        for (var i = 0; i < _prices.Length; i++)
        {
            var p = watch.Positions[i];
            _prices[i] = _symbols.TryGetValue(p.Symbol, out var e) && e.Latest > 0 ? e.Latest : p.Mark;
            _fall += p.Quantity * (_prices[i] - p.Mark);
        }
        if (Trips()) ReportMoved(null, now, toReport);
    }

    /// <summary>A tick of a held symbol at <paramref name="now"/> (a <see cref="TimeProvider"/> timestamp).</summary>
    public void OnTick(SymbolId symbol, decimal price, long now, List<PositionMarked> toReport)
    {
        var entry = _lastEntry;
        if (entry is null || entry.Symbol != symbol)
        {
            if (!_symbols.TryGetValue(symbol, out entry)) _symbols[symbol] = entry = new Entry(symbol);
            _lastEntry = entry; // the next tick is usually of the same symbol: no hashing
        }
        entry.Latest = price;
        if (_watch is { } watch)
        {
            var positions = watch.Positions;
            for (var i = 0; i < positions.Count; i++)
            {
                if (positions[i].Symbol != symbol || _prices[i] == price) continue;
                _fall += positions[i].Quantity * (price - _prices[i]);
                _prices[i] = price;
            }
        }
        if (_watch is null || _watch.EveryTick || Trips()) ReportMoved(symbol, now, toReport);
        else if (price != entry.Reported && (entry.Reported == 0 || now - entry.ReportedAt >= intervalTimestampTicks)) Report(symbol, entry, now, toReport);
    }

    private bool Trips() => _watch!.Headroom is { } headroom && _fall <= -headroom;

    /// <summary>The ticked symbol's mark (even unchanged: the account must re-check) and every other symbol that moved.</summary>
    private void ReportMoved(SymbolId? ticked, long now, List<PositionMarked> toReport)
    {
        foreach (var (symbol, entry) in _symbols)
            if (symbol == ticked || entry.Latest != entry.Reported) Report(symbol, entry, now, toReport);
    }

    private static void Report(SymbolId symbol, Entry entry, long now, List<PositionMarked> toReport)
    {
        entry.Reported = entry.Latest;
        entry.ReportedAt = now;
        toReport.Add(new PositionMarked(symbol, entry.Latest));
    }

    private sealed class Entry(SymbolId symbol)
    {
        public readonly SymbolId Symbol = symbol;
        public decimal Latest, Reported;   // Reported 0: never reported (prices are positive)
        public long ReportedAt;
    }
}
