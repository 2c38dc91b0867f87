using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Model;

/// <summary>All positions of one account, netted per symbol+product, with account-level P&amp;L totals.</summary>
public sealed class PositionBook
{
    // Created with the first position (an idle account and its position child hold none); until then reads go to a
    // shared empty map that is never written.
    private static readonly Dictionary<PositionKey, Position> NoPositions = new();
    private Dictionary<PositionKey, Position>? _map;

    private Dictionary<PositionKey, Position> Map => _map ?? NoPositions;

    private Dictionary<PositionKey, Position> Writable => _map ??= new Dictionary<PositionKey, Position>();

    /// <summary>Applies a fill; returns the position it changed.</summary>
    public Position Apply(Fill fill)
    {
        var key = new PositionKey(fill.Symbol, fill.Product);
        if (!Map.TryGetValue(key, out var position))
        {
            position = new Position(key);
            Writable.Add(key, position);
        }
        position.Apply(fill);
        return position;
    }

    /// <summary>Marks every position of <paramref name="symbol"/> (all products) to <paramref name="price"/>.</summary>
    /// <summary>Restores a position read back from a snapshot (recovery only).</summary>
    public Position Seed(PositionKey key, decimal quantity, decimal averagePrice, decimal realizedPnl)
    {
        if (!Map.TryGetValue(key, out var position))
        {
            position = new Position(key);
            Writable.Add(key, position);
        }
        position.Restore(quantity, averagePrice, realizedPnl);
        return position;
    }

    public void Mark(SymbolId symbol, decimal price)
    {
        foreach (var p in Map.Values) if (p.Key.Symbol == symbol) p.Mark(price);
    }

    public bool TryGet(SymbolId symbol, Product product, out Position position) =>
        Map.TryGetValue(new PositionKey(symbol, product), out position!);

    /// <summary>Net quantity of <paramref name="symbol"/> over all products.</summary>
    /// <summary>True when any position (open or flat) exists for <paramref name="symbol"/>.</summary>
    public bool TryGetAny(SymbolId symbol)
    {
        foreach (var p in Map.Values) if (p.Key.Symbol == symbol) return true;
        return false;
    }

    public decimal NetQuantity(SymbolId symbol)
    {
        decimal q = 0;
        foreach (var p in Map.Values) if (p.Key.Symbol == symbol) q += p.Quantity;
        return q;
    }

    public IEnumerable<Position> All => Map.Values;

    public IEnumerable<Position> Open()
    {
        foreach (var p in Map.Values) if (!p.IsFlat) yield return p;
    }

    public int OpenCount
    {
        get { var n = 0; foreach (var p in Map.Values) if (!p.IsFlat) n++; return n; }
    }

    public decimal RealizedPnl => Sum(static p => p.RealizedPnl);
    public decimal UnrealizedPnl => Sum(static p => p.UnrealizedPnl);
    public decimal DayPnl => Sum(static p => p.DayPnl);
    public decimal DayRealizedPnl => Sum(static p => p.DayRealizedPnl);

    public void StartDay()
    {
        foreach (var p in Map.Values) p.StartDay();
    }

    private decimal Sum(Func<Position, decimal> f)
    {
        decimal total = 0;
        foreach (var p in Map.Values) total += f(p);
        return total;
    }
}
