namespace ActorTrading.Actors.Model;

/// <summary>A completed 1-minute OHLCV bar starting at <see cref="Start"/> (UTC, whole minute).</summary>
public sealed record Bar(SymbolId Symbol, DateTimeOffset Start, decimal Open, decimal High, decimal Low, decimal Close, long Volume)
{
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(1);

    public DateTimeOffset End => Start + Length;

    /// <summary>True range against the previous close (Wilder): max(H-L, |H-prevC|, |L-prevC|).</summary>
    public decimal TrueRange(decimal? previousClose) => previousClose is { } pc
        ? Math.Max(High - Low, Math.Max(Math.Abs(High - pc), Math.Abs(Low - pc)))
        : High - Low;

    /// <summary>Typical price (H+L+C)/3.</summary>
    public decimal TypicalPrice => (High + Low + Close) / 3m;
}
