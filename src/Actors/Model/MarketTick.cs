namespace ActorTrading.Actors.Model;

/// <summary>
/// One quote/trade update. Immutable and shared by reference: the symbol actor hands the same
/// instance to every local subscriber, so fan-out allocates nothing per subscriber.
/// <see cref="Volume"/> is the quantity traded in this update (not a running day total).
/// </summary>
public sealed class MarketTick
{
    public MarketTick(SymbolId symbol, decimal bid, decimal ask, decimal last, long volume, DateTimeOffset time, long sequence)
    {
        if (symbol.IsEmpty) ThrowHelper.Argument(nameof(symbol), "symbol is required");
        if (bid < 0 || ask < 0 || last < 0) ThrowHelper.Argument(nameof(last), $"prices must not be negative (bid {bid}, ask {ask}, last {last})");
        if (bid > 0 && ask > 0 && bid > ask) ThrowHelper.Argument(nameof(bid), $"bid {bid} is above ask {ask} for {symbol}");
        if (volume < 0) ThrowHelper.Argument(nameof(volume), $"volume must not be negative (got {volume})");
        Symbol = symbol;
        Bid = bid;
        Ask = ask;
        Last = last;
        Volume = volume;
        Time = time;
        Sequence = sequence;
    }

    public SymbolId Symbol { get; }
    public decimal Bid { get; }
    public decimal Ask { get; }
    public decimal Last { get; }
    public long Volume { get; }
    public DateTimeOffset Time { get; }
    public long Sequence { get; }

    /// <summary>
    /// Diagnostics only: a <see cref="System.Diagnostics.Stopwatch"/> timestamp set once by the symbol actor before fan-out
    /// (0 while no tick-to-order listener is attached); not part of the tick's value.
    /// </summary>
    public long ArrivedAt { get; private set; }

    internal void MarkArrived(long timestamp)
    {
        if (ArrivedAt == 0) ArrivedAt = timestamp;
    }

    public decimal Mid => Bid > 0 && Ask > 0 ? (Bid + Ask) / 2m : Last;

    public override string ToString() => $"{Symbol} {Bid}/{Ask} last {Last} vol {Volume} @{Time:O} #{Sequence}";
}
