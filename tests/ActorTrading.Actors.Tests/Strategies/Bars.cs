using ActorTrading.Actors.Model;
using ActorTrading.Actors.Strategies;

namespace ActorTrading.Actors.Tests.Strategies;

internal static class Bars
{
    public static readonly DateTimeOffset Start = Support.TestData.MarketOpen;

    public static Bar At(int i, SymbolId s, decimal open, decimal high, decimal low, decimal close, long volume) =>
        new(s, Start.AddMinutes(i), open, high, low, close, volume);

    /// <summary>Bars from closes: open = previous close, high/low = max/min(open, close) ± spread.</summary>
    public static List<Bar> FromCloses(SymbolId s, decimal[] closes, long[]? volumes = null, decimal spread = 0)
    {
        var bars = new List<Bar>();
        var prev = closes[0];
        for (var i = 0; i < closes.Length; i++)
        {
            var c = closes[i];
            bars.Add(At(i, s, prev, Math.Max(prev, c) + spread, Math.Min(prev, c) - spread, c, volumes?[i] ?? 100));
            prev = c;
        }
        return bars;
    }

    public static void Feed(IStrategy strategy, FakeStrategyContext ctx, IEnumerable<Bar> bars)
    {
        foreach (var b in bars) strategy.OnBar(b, ctx);
    }

    public static IStrategy Create(string type, params (string, string)[] parameters)
    {
        var s = StrategyCatalog.Default.TryCreate(type, parameters.ToDictionary(p => p.Item1, p => p.Item2), out _, out var errors);
        Assert.True(s is not null, string.Join("; ", errors));
        return s!;
    }
}
