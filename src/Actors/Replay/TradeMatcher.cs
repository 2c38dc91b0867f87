using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Replay;

/// <summary>
/// Turns a fill history into closed trades, FIFO per symbol+product: a fill against the open side closes the oldest
/// lots first; what is left over opens a lot on the other side. Fees are allocated to trades pro rata by quantity.
/// Lots still open at the end are not trades (see <see cref="OpenLots"/>).
/// </summary>
public sealed class TradeMatcher
{
    private readonly Dictionary<PositionKey, LinkedList<Lot>> _lots = new();
    private readonly List<ClosedTrade> _closed = [];

    public IReadOnlyList<ClosedTrade> Closed => _closed;

    public int OpenLots => _lots.Values.Sum(l => l.Count);

    public static IReadOnlyList<ClosedTrade> Match(IEnumerable<Fill> fills)
    {
        var m = new TradeMatcher();
        foreach (var f in fills.OrderBy(f => f.Time)) m.Add(f);
        return m.Closed;
    }

    public void Add(Fill fill)
    {
        var key = new PositionKey(fill.Symbol, fill.Product);
        if (!_lots.TryGetValue(key, out var lots)) _lots[key] = lots = new LinkedList<Lot>();
        var remaining = fill.Quantity;
        var feePerUnit = fill.Quantity == 0 ? 0 : fill.Fees / fill.Quantity;
        while (remaining > 0 && lots.First is { } node && node.Value.Side != fill.Side)
        {
            var lot = node.Value;
            var qty = Math.Min(remaining, lot.Quantity);
            _closed.Add(new ClosedTrade(fill.Symbol, lot.Side, qty, lot.Price, fill.Price, lot.Time, fill.Time, (lot.FeePerUnit + feePerUnit) * qty));
            remaining -= qty;
            if (qty == lot.Quantity) lots.RemoveFirst();
            else node.Value = lot with { Quantity = lot.Quantity - qty };
        }
        if (remaining > 0) lots.AddLast(new Lot(fill.Side, remaining, fill.Price, fill.Time, feePerUnit));
    }

    private sealed record Lot(Side Side, decimal Quantity, decimal Price, DateTimeOffset Time, decimal FeePerUnit);
}
