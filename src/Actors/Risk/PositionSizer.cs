using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Risk;

/// <summary>
/// Risk per trade and the position cap. Quantity 0 asks for sizing:
/// qty = floor(equity × risk% / |entry − stop|), rounded down to the lot size, then capped so the position
/// (existing + pending + this) stays within <see cref="RiskSettings.MaxPositionPercent"/> of equity.
/// An explicit quantity is checked against the same cap. Reducing orders are not sized or capped.
/// </summary>
public static class PositionSizer
{
    public static decimal RiskQuantity(decimal equity, decimal riskPercent, decimal entry, decimal stop, decimal lotSize)
    {
        var perShare = Math.Abs(entry - stop);
        if (perShare == 0 || equity <= 0) return 0;
        var raw = Math.Floor(equity * riskPercent / 100m / perShare);
        return Math.Floor(raw / lotSize) * lotSize;
    }

    public static RiskDenial? Apply(RiskCheck c)
    {
        if (c.Reduces) return null;
        var s = c.Snapshot;
        var lot = c.Instrument.LotSize;
        var capNotional = s.Equity * c.Limits.MaxPositionPercent / 100m;
        var held = Math.Abs(c.PositionQuantity) * c.EntryPrice;
        foreach (var p in c.Pending)
            if (p.Opening && p.Symbol == c.Request.Symbol && p.Product == c.Request.Product) held += p.Notional;
        var room = Math.Max(0, capNotional - held);
        if (c.Request.Quantity == 0)
        {
            if (c.Request.StopLoss is not { } stop)
                return new(DenialReason.MaxPositionSize, "quantity 0 asks risk to size the order, which needs a stop_loss");
            var byRisk = RiskQuantity(s.Equity, c.Limits.RiskPerTradePercent, c.EntryPrice, stop, lot);
            var byCap = Math.Floor(room / c.EntryPrice / lot) * lot;
            var qty = Math.Min(byRisk, byCap);
            if (qty < lot)
                return new(DenialReason.MaxPositionSize,
                    $"sized quantity is 0: risk {c.Limits.RiskPerTradePercent}% of equity {s.Equity} over |{c.EntryPrice} - {stop}| allows {byRisk}, " +
                    $"max position {c.Limits.MaxPositionPercent}% leaves room for {byCap}");
            c.Quantity = qty;
            return null;
        }
        if (c.Notional <= room) return null;
        return new(DenialReason.MaxPositionSize,
            $"position notional {held + c.Notional} would exceed max position {c.Limits.MaxPositionPercent}% of equity {s.Equity} = {capNotional}");
    }
}
