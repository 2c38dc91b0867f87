using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Risk;

/// <summary>
/// An order that would open a position in a new symbol+product is refused when the open positions plus the
/// pending orders opening other new positions already reach <see cref="RiskSettings.MaxOpenPositions"/>.
/// </summary>
public static class MaxOpenPositionsRule
{
    public static RiskDenial? Check(RiskCheck c)
    {
        if (c.Reduces || c.PositionQuantity != 0) return null;
        var r = c.Request;
        var open = 0;
        foreach (var p in c.Snapshot.Positions) if (p.Quantity != 0) open++;
        var pendingNew = new HashSet<(Model.SymbolId, Product)>();
        foreach (var p in c.Pending)
        {
            if (!p.Opening || c.Snapshot.PositionQuantity(p.Symbol, p.Product) != 0) continue;
            if (p.Symbol == r.Symbol && p.Product == r.Product) return null; // this position is already being opened
            pendingNew.Add((p.Symbol, p.Product));
        }
        var count = open + pendingNew.Count;
        if (count < c.Limits.MaxOpenPositions) return null;
        var detail = pendingNew.Count == 0 ? $"{open} open" : $"{open} open, {pendingNew.Count} pending";
        return new(DenialReason.MaxOpenPositions, $"max open positions {c.Limits.MaxOpenPositions} reached ({detail})");
    }
}
