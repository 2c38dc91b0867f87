using ActorTrading.Actors.Model;

namespace ActorTrading.Actors.Feeds;

/// <summary>
/// A reproducible synthetic market. Each symbol's mid follows geometric Brownian motion,
/// S(t+dt) = S(t) · exp((μ − σ²/2)·dt + σ·√dt·Z), Z ~ N(0,1) (Box–Muller), dt in years of trading time, starting at the
/// instrument's reference price. The quote is tick-aligned: bid = mid rounded down to the tick, ask = bid + spread ticks;
/// the last trade is at the bid or the ask (coin flip); volume is exponential with the configured mean (at least 1).
/// Each symbol has its own generator seeded from (seed, stable hash of the symbol), so the same seed reproduces the
/// same ticks whatever other symbols are simulated. Floating point is confined to the random walk; prices are decimal.
/// Not thread-safe (one feed actor owns it).
/// </summary>
public sealed class SimulatedFeed
{
    private readonly Dictionary<SymbolId, SymbolWalk> _walks = new();
    private readonly SimulatedFeedOptions _options;

    public SimulatedFeed(IEnumerable<InstrumentSpec> instruments, int seed, SimulatedFeedOptions? options = null)
    {
        _options = options ?? new SimulatedFeedOptions();
        foreach (var spec in instruments)
            _walks.Add(spec.Symbol, new SymbolWalk(spec, new Random(unchecked(seed * 31 + StableHash(spec.Symbol.Value)))));
        Symbols = _walks.Keys.OrderBy(s => s.Value, StringComparer.Ordinal).ToArray();
    }

    public IReadOnlyList<SymbolId> Symbols { get; }

    /// <summary>The next tick of <paramref name="symbol"/> at <paramref name="time"/> (the walk advances by the time since its last tick).</summary>
    public MarketTick Next(SymbolId symbol, DateTimeOffset time)
    {
        if (!_walks.TryGetValue(symbol, out var w)) throw new ArgumentException($"symbol {symbol} is not simulated", nameof(symbol));
        var spec = w.Spec;
        if (w.LastTime is { } last && time > last)
        {
            var dt = (time - last).TotalSeconds / _options.SecondsPerYear;
            var sigma = _options.AnnualVolatility;
            w.Mid *= Math.Exp((_options.AnnualDrift - sigma * sigma / 2) * dt + sigma * Math.Sqrt(dt) * Gaussian(w.Random));
        }
        w.LastTime = time;
        var tick = spec.TickSize;
        var bid = Math.Max(tick, DecimalMath.FloorTo((decimal)w.Mid, tick));
        var ask = bid + tick * Math.Max(1, _options.SpreadTicks);
        var lastPrice = w.Random.Next(2) == 0 ? bid : ask;
        var volume = (long)Math.Max(1, Math.Round(-Math.Log(1 - w.Random.NextDouble()) * _options.MeanVolume));
        return new MarketTick(symbol, bid, ask, lastPrice, volume, time, ++w.Sequence);
    }

    /// <summary>One tick for every symbol at <paramref name="time"/>, in symbol order.</summary>
    public IReadOnlyList<MarketTick> Step(DateTimeOffset time)
    {
        var ticks = new MarketTick[Symbols.Count];
        for (var i = 0; i < ticks.Length; i++) ticks[i] = Next(Symbols[i], time);
        return ticks;
    }

    private static double Gaussian(Random r)
    {
        var u1 = 1.0 - r.NextDouble();
        var u2 = r.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>FNV-1a: stable across processes, unlike string.GetHashCode.</summary>
    private static int StableHash(string s)
    {
        var h = 2166136261u;
        foreach (var c in s) h = (h ^ c) * 16777619u;
        return unchecked((int)h);
    }

    private sealed class SymbolWalk(InstrumentSpec spec, Random random)
    {
        public InstrumentSpec Spec { get; } = spec;
        public Random Random { get; } = random;
        public double Mid { get; set; } = (double)(spec.ReferencePrice > 0 ? spec.ReferencePrice : 100m);
        public DateTimeOffset? LastTime { get; set; }
        public long Sequence { get; set; }
    }
}
