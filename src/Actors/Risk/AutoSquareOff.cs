using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;
using Position = ActorTrading.Actors.Model.Position;

namespace ActorTrading.Actors.Risk;

/// <summary>Intraday (MIS) positions are flattened from the calendar's square-off time (NSE 15:15 IST).</summary>
public static class AutoSquareOff
{
    /// <summary>Adds a market exit for every open MIS position when square-off is due; returns how many.</summary>
    public static int Collect(MarketCalendar calendar, DateTimeOffset now, IEnumerable<Position> positions, List<ExitIntent> exits)
    {
        if (!calendar.IsSquareOffDue(now)) return 0;
        var n = 0;
        foreach (var p in positions)
        {
            if (p.IsFlat || p.Key.Product != Product.Mis) continue;
            exits.Add(new ExitIntent(p.Key, p.Quantity > 0 ? Side.Sell : Side.Buy, Math.Abs(p.Quantity), ExitReason.SquareOff, p.LastPrice, 0));
            n++;
        }
        return n;
    }
}
