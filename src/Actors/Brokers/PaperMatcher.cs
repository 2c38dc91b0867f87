using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Brokers;

/// <summary>
/// The paper exchange's price logic, per tick. Stops trigger on the last price (BUY stop: last ≥ stop; SELL stop:
/// last ≤ stop). Market (and triggered stop-market) orders fill at the ask when buying and the bid when selling —
/// never at the last price. Limit (and triggered stop-limit) orders fill at the ask/bid once it crosses the limit
/// (BUY: ask ≤ limit; SELL: bid ≥ limit), i.e. with any price improvement.
/// </summary>
internal static class PaperMatcher
{
    /// <summary>The price this order can execute at on <paramref name="tick"/>, or null. May set <see cref="PaperOrder.Triggered"/>.</summary>
    public static decimal? ExecutablePrice(PaperOrder o, MarketTick tick)
    {
        var type = o.Order.Type;
        if (type is OrderType.StopMarket or OrderType.StopLimit && !o.Triggered)
        {
            if (tick.Last <= 0 || o.StopPrice is not { } stop) return null;
            if (o.IsBuy ? tick.Last < stop : tick.Last > stop) return null;
            o.Triggered = true;
        }
        var touch = o.IsBuy ? tick.Ask : tick.Bid;
        if (touch <= 0) return null;
        if (type is OrderType.Market or OrderType.StopMarket) return touch;
        if (o.LimitPrice is not { } limit) return null;
        return (o.IsBuy ? touch <= limit : touch >= limit) ? touch : null;
    }

    public static decimal Fee(PaperBrokerOptions options, decimal quantity, decimal price) =>
        Math.Min(Math.Round(quantity * price * options.FeePercent / 100m, 2, MidpointRounding.AwayFromZero), options.MaxFeePerFill);
}
