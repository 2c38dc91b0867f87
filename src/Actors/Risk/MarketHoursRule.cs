using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Risk;

/// <summary>Refuses orders outside the exchange session (weekends, holidays, before open, after close) when enforced.</summary>
public static class MarketHoursRule
{
    public static RiskDenial? Check(RiskCheck c, MarketCalendar calendar)
    {
        if (!c.Limits.EnforceMarketHours) return null;
        var closed = calendar.DescribeClosed(c.Now);
        return closed is null ? null : new RiskDenial(DenialReason.MarketClosed, closed);
    }
}
