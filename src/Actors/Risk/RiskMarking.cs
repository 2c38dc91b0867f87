using ActorTrading.Actors.Model;

namespace ActorTrading.Actors.Risk;

/// <summary>
/// Re-marks a snapshot's open positions to newer prices, exactly as the account would after marking them: each position
/// of quantity q priced at p in the snapshot and at p' now moves equity and day P&amp;L by q·(p' − p) and is re-priced
/// to p'. Lets risk value positions from the ticks it follows itself instead of receiving a fresh account view per tick.
/// </summary>
public static class RiskMarking
{
    /// <summary>
    /// <paramref name="fresh"/> returns true (and the price) only for symbols whose price is newer than the snapshot's;
    /// other positions keep the snapshot's price. Returns the same snapshot when nothing moved.
    /// </summary>
    public static RiskSnapshot Remark<TState>(RiskSnapshot snapshot, TState state, Func<TState, SymbolId, (bool Fresh, decimal Price)> fresh)
    {
        var positions = snapshot.Positions;
        PositionExposure[]? remarked = null;
        var delta = 0m;
        for (var i = 0; i < positions.Count; i++)
        {
            var p = positions[i];
            var (isFresh, price) = fresh(state, p.Symbol);
            if (!isFresh || price <= 0 || price == p.Price) continue;
            if (remarked is null) { remarked = new PositionExposure[positions.Count]; for (var j = 0; j < positions.Count; j++) remarked[j] = positions[j]; }
            delta += p.Quantity * (price - p.Price);
            remarked[i] = p with { Price = price };
        }
        return remarked is null ? snapshot : snapshot with { Positions = remarked, Equity = snapshot.Equity + delta, DayPnl = snapshot.DayPnl + delta };
    }
}
