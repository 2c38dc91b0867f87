using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Risk;

/// <summary>At most <see cref="RiskSettings.MaxOrdersPerDay"/> orders (of any kind) per day.</summary>
public static class MaxOrdersPerDayRule
{
    public static RiskDenial? Check(RiskCheck c) => c.OrdersToday >= c.Limits.MaxOrdersPerDay
        ? new(DenialReason.MaxOrdersPerDay, $"max orders per day {c.Limits.MaxOrdersPerDay} reached ({c.OrdersToday} today)")
        : null;
}
