using System.Collections.Frozen;

namespace ActorTrading.Actors.Model;

/// <summary>An immutable set of known instruments. <see cref="Default"/> is the embedded node's NSE demo universe.</summary>
public sealed class InstrumentCatalog
{
    private readonly FrozenDictionary<SymbolId, InstrumentSpec> _bySymbol;

    public InstrumentCatalog(IEnumerable<InstrumentSpec> instruments)
    {
        var map = new Dictionary<SymbolId, InstrumentSpec>();
        foreach (var spec in instruments)
        {
            if (!map.TryAdd(spec.Symbol, spec))
                ThrowHelper.Argument(nameof(instruments), $"instrument {spec.Symbol} is listed twice");
        }
        _bySymbol = map.ToFrozenDictionary();
        All = map.Values.OrderBy(s => s.Symbol.Value, StringComparer.Ordinal).ToArray();
    }

    public static InstrumentCatalog Default { get; } = new(
    [
        Nse("RELIANCE", "ENERGY", 2900.00m),
        Nse("TCS", "IT", 4000.00m),
        Nse("INFY", "IT", 1800.00m),
        Nse("HDFCBANK", "FINANCIALS", 1650.00m),
        Nse("ICICIBANK", "FINANCIALS", 1250.00m),
    ]);

    public IReadOnlyList<InstrumentSpec> All { get; }

    public int Count => _bySymbol.Count;

    public bool TryGet(SymbolId symbol, out InstrumentSpec spec) => _bySymbol.TryGetValue(symbol, out spec!);

    public bool Contains(SymbolId symbol) => _bySymbol.ContainsKey(symbol);

    private static InstrumentSpec Nse(string symbol, string sector, decimal price) =>
        new(new SymbolId("NSE", symbol), tickSize: 0.05m, lotSize: 1m, sector, price);
}
