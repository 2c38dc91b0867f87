using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;

namespace ActorTrading.Actors.Feeds;

/// <summary>
/// Flags watched symbols that received no tick for longer than the threshold while the market is open. Silence is
/// counted from the later of the last tick and today's session open (overnight quiet is not a stall). Each stall is
/// reported once, until a tick arrives again. Not thread-safe.
/// </summary>
public sealed class DataStallWatchdog(MarketCalendar calendar, TimeSpan threshold)
{
    private readonly Dictionary<SymbolId, (DateTimeOffset? Last, DateTimeOffset Since, bool Stalled)> _symbols = new();

    public TimeSpan Threshold { get; } = threshold;

    public void Watch(SymbolId symbol, DateTimeOffset since)
    {
        if (!_symbols.ContainsKey(symbol)) _symbols[symbol] = (null, since, false);
    }

    public void Unwatch(SymbolId symbol) => _symbols.Remove(symbol);

    public bool IsStalled(SymbolId symbol) => _symbols.TryGetValue(symbol, out var s) && s.Stalled;

    /// <summary>Records a tick; returns true when it ends a reported stall.</summary>
    public bool OnTick(SymbolId symbol, DateTimeOffset time)
    {
        var was = _symbols.TryGetValue(symbol, out var s) && s.Stalled;
        if (_symbols.ContainsKey(symbol)) _symbols[symbol] = (time, time, false);
        return was;
    }

    /// <summary>Symbols that newly crossed the threshold at <paramref name="now"/>; empty outside market hours.</summary>
    public IReadOnlyList<DataStall> Check(DateTimeOffset now)
    {
        if (!calendar.IsOpen(now)) return [];
        var open = calendar.SessionOpen(now);
        List<DataStall>? stalls = null;
        foreach (var (symbol, s) in _symbols.OrderBy(kv => kv.Key.Value, StringComparer.Ordinal).ToArray())
        {
            if (s.Stalled) continue;
            var from = s.Since > open ? s.Since : open;
            var silence = now - from;
            if (silence <= Threshold) continue;
            _symbols[symbol] = (s.Last, s.Since, true);
            (stalls ??= []).Add(new DataStall(symbol, s.Last, silence));
        }
        return stalls ?? (IReadOnlyList<DataStall>)[];
    }
}
