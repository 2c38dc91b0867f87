using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Risk;

/// <summary>
/// Fat-finger check: limit and stop prices more than <see cref="RiskSettings.PriceBandPercent"/> away from the
/// last price are refused; without a last price nothing can be checked or valued, so the order is refused too.
/// </summary>
public static class PriceBandRule
{
    public static RiskDenial? Check(RiskCheck c)
    {
        if (c.LastPrice <= 0)
            return new(DenialReason.PriceBand, $"no last price known for {c.Request.Symbol}: cannot check the price band");
        return Band(c, c.Request.LimitPrice, "limit price") ?? Band(c, c.Request.StopPrice, "stop price");
    }

    private static RiskDenial? Band(RiskCheck c, decimal? price, string what)
    {
        if (price is not { } p) return null;
        var deviation = Math.Abs(p - c.LastPrice) / c.LastPrice * 100m;
        if (deviation <= c.Limits.PriceBandPercent) return null;
        return new(DenialReason.PriceBand,
            $"{what} {p} is {Math.Round(deviation, 2)}% from last price {c.LastPrice} (band {c.Limits.PriceBandPercent}%)");
    }
}
