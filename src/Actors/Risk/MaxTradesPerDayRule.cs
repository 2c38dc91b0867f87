using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Risk;

/// <summary>At most <see cref="RiskSettings.MaxTradesPerDay"/> orders per day that open or add exposure; exits are always allowed.</summary>
public static class MaxTradesPerDayRule
{
    public static RiskDenial? Check(RiskCheck c) => !c.Reduces && c.TradesToday >= c.Limits.MaxTradesPerDay
        ? new(DenialReason.MaxTradesPerDay, $"max trades per day {c.Limits.MaxTradesPerDay} reached ({c.TradesToday} today)")
        : null;
}
