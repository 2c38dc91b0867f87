using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Risk;

/// <summary>
/// Once today's loss (realized + unrealized) reaches <see cref="RiskSettings.MaxDailyLossPercent"/> of
/// start-of-day equity, the account goes REDUCING: orders that add exposure are refused.
/// </summary>
public static class DailyLossRule
{
    public static decimal LossLimit(RiskSnapshot s) => s.StartOfDayEquity * s.Limits.MaxDailyLossPercent / 100m;

    public static bool IsBreached(RiskSnapshot s) => s.DayPnl < 0 && -s.DayPnl >= LossLimit(s);

    public static RiskDenial? Check(RiskCheck c)
    {
        var s = c.Snapshot;
        if (c.Reduces || !IsBreached(s)) return null;
        return new(DenialReason.MaxDailyLoss,
            $"max daily loss {s.Limits.MaxDailyLossPercent}% of start-of-day equity {s.StartOfDayEquity} = {LossLimit(s)} reached (day P&L {s.DayPnl})");
    }
}
