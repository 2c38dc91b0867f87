using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Risk;

/// <summary>
/// Modifications of open orders. A modification that only lowers the remaining quantity (same prices) cannot add
/// risk and is always approved, also while HALTED or REDUCING. Anything else is checked as if the order were placed
/// again with its new remaining quantity and prices, against everything else pending (the order's own old entry left
/// out): trading state (HALTED, REDUCING), market hours, price band, reward:risk, max position size, max order
/// notional, sector exposure and buying power (margin over the other reservations). Per-day counters, the order rate
/// and max open positions are not charged again: the order already counted when it was placed.
/// An approved modification replaces the order's pending entry (<see cref="Replacements"/>) until the account's
/// snapshot shows it (<see cref="Release"/>), so a later intent is checked against the new size and price.
/// </summary>
public sealed partial class RiskEngine
{
    /// <param name="current">The order as the account knows it (its limit/stop price and side).</param>
    /// <param name="currentRemaining">Quantity still to fill before the modification.</param>
    /// <param name="modified">The order after the modification: <see cref="OrderRequest.Quantity"/> = remaining quantity after it.</param>
    public RiskDecision EvaluateModify(OrderRequest current, decimal currentRemaining, OrderRequest modified, RiskSnapshot snapshot)
    {
        if (!snapshot.Instruments.TryGet(modified.Symbol, out var instrument))
            return RiskDecision.Deny(new(DenialReason.UnknownSymbol, $"unknown symbol {modified.Symbol}"));
        var c = RiskCheck.Create(modified, snapshot, instrument, _reservations.Values, _time.GetUtcNow(), _replacements, modified.ClientOrderId);
        var onlyShrinks = modified.Quantity <= currentRemaining && modified.LimitPrice == current.LimitPrice && modified.StopPrice == current.StopPrice;
        if (!onlyShrinks)
        {
            var denial = TradingStateRule.Check(c)
                ?? MarketHoursRule.Check(c, _calendar)
                ?? PriceBandRule.Check(c)
                ?? RewardRiskRule.Check(c)
                ?? (modified.Quantity > 0 ? PositionSizer.Apply(c) : null)
                ?? MaxOrderNotionalRule.Check(c)
                ?? SectorExposureRule.Check(c)
                ?? BuyingPowerRule.Check(c);
            if (denial is not null) return RiskDecision.Deny(Modification(denial, current, currentRemaining, modified));
        }
        _replacements[modified.ClientOrderId] = c.ToReservation();
        return RiskDecision.Approve(modified.Quantity, c.Reduces);
    }

    private static RiskDenial Modification(RiskDenial denial, OrderRequest current, decimal remaining, OrderRequest modified)
    {
        var from = Describe(remaining, current);
        var to = Describe(modified.Quantity, modified);
        return denial with { Message = $"modification of {current.ClientOrderId} ({from} -> {to}) refused: {denial.Message}" };
    }

    private static string Describe(decimal quantity, OrderRequest r)
    {
        var text = $"{quantity}";
        if (r.LimitPrice is { } l) text += $" @ {l}";
        if (r.StopPrice is { } s) text += $" stop {s}";
        return text;
    }
}
