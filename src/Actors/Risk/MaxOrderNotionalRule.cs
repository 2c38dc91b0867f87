using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Risk;

/// <summary>quantity × price of one order must not exceed <see cref="RiskSettings.MaxOrderNotional"/> (0 = no limit).</summary>
public static class MaxOrderNotionalRule
{
    public static RiskDenial? Check(RiskCheck c)
    {
        var max = c.Limits.MaxOrderNotional;
        if (max <= 0 || c.Reduces || c.Notional <= max) return null;
        return new(DenialReason.MaxOrderNotional, $"order notional {c.Notional} ({c.Quantity} x {c.EntryPrice}) exceeds max order notional {max}");
    }
}
