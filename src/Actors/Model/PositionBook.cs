using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Model;

/// <summary>All positions of one account, netted per symbol+product, with account-level P&amp;L totals.</summary>
public sealed class PositionBook
{
    private readonly Dictionary<PositionKey, Position> _positions = new();

    /// <summary>Applies a fill; returns the position it changed.</summary>
    public Position Apply(Fill fill)
    {
        var key = new PositionKey(fill.Symbol, fill.Product);
        if (!_positions.TryGetValue(key, out var position))
        {
            position = new Position(key);
            _positions.Add(key, position);
        }
        position.Apply(fill);
        return position;
    }

    /// <summary>Marks every position of <paramref name="symbol"/> (all products) to <paramref name="price"/>.</summary>
    public void Mark(SymbolId symbol, decimal price)
    {
        foreach (var p in _positions.Values) if (p.Key.Symbol == symbol) p.Mark(price);
    }

    public bool TryGet(SymbolId symbol, Product product, out Position position) =>
        _positions.TryGetValue(new PositionKey(symbol, product), out position!);

    /// <summary>Net quantity of <paramref name="symbol"/> over all products.</summary>
    public decimal NetQuantity(SymbolId symbol)
    {
        decimal q = 0;
        foreach (var p in _positions.Values) if (p.Key.Symbol == symbol) q += p.Quantity;
        return q;
    }

    public IEnumerable<Position> All => _positions.Values;

    public IEnumerable<Position> Open()
    {
        foreach (var p in _positions.Values) if (!p.IsFlat) yield return p;
    }

    public int OpenCount
    {
        get { var n = 0; foreach (var p in _positions.Values) if (!p.IsFlat) n++; return n; }
    }

    public decimal RealizedPnl => Sum(static p => p.RealizedPnl);
    public decimal UnrealizedPnl => Sum(static p => p.UnrealizedPnl);
    public decimal DayPnl => Sum(static p => p.DayPnl);
    public decimal DayRealizedPnl => Sum(static p => p.DayRealizedPnl);

    public void StartDay()
    {
        foreach (var p in _positions.Values) p.StartDay();
    }

    private decimal Sum(Func<Position, decimal> f)
    {
        decimal total = 0;
        foreach (var p in _positions.Values) total += f(p);
        return total;
    }
}
