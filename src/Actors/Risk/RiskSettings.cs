using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Risk;

/// <summary>
/// The limits of one account, as plain decimals. Defaults are exactly the API's RiskLimits comments;
/// <see cref="MaxOrderNotional"/> 0 and a missing sector entry mean "no limit". The last three settings are
/// not in the public API (yet): per-account order rate and the margin fraction used for buying power.
/// </summary>
public sealed partial record RiskSettings
{
    public decimal RiskPerTradePercent { get; init; } = 1m;
    public decimal MinRewardRisk { get; init; } = 2.5m;
    public decimal MaxDailyLossPercent { get; init; } = 3m;
    public int MaxOpenPositions { get; init; } = 3;
    public int MaxTradesPerDay { get; init; } = 5;
    public int MaxOrdersPerDay { get; init; } = 100;
    public decimal MaxOrderNotional { get; init; }
    public decimal MaxPositionPercent { get; init; } = 10m;
    public IReadOnlyDictionary<string, decimal> MaxSectorPercent { get; init; } = new Dictionary<string, decimal>();
    public decimal PriceBandPercent { get; init; } = 5m;
    public bool EnforceMarketHours { get; init; } = true;
    public int OrdersPerSecond { get; init; } = 10;
    public int OrderBurst { get; init; } = 10;
    /// <summary>Cash needed per unit of notional when opening exposure (100 = fully funded, 20 = 5x intraday leverage).</summary>
    public decimal MarginPercent { get; init; } = 100m;

    public static RiskSettings Default { get; } = new();

    /// <summary>Reads API limits; fields left at zero/unset take the default (the proto cannot tell 0 from unset).</summary>
    public static RiskSettings FromProto(RiskLimits? limits, RiskSettings? baseline = null)
    {
        var b = baseline ?? Default;
        if (limits is null) return b;
        var sectors = new Dictionary<string, decimal>(b.MaxSectorPercent, StringComparer.OrdinalIgnoreCase);
        foreach (var (sector, value) in limits.MaxSectorPercent) sectors[sector] = ProtoDecimal.FromProto(value);
        return b with
        {
            RiskPerTradePercent = OrDefault(limits.RiskPerTradePercent, b.RiskPerTradePercent),
            MinRewardRisk = OrDefault(limits.MinRewardRisk, b.MinRewardRisk),
            MaxDailyLossPercent = OrDefault(limits.MaxDailyLossPercent, b.MaxDailyLossPercent),
            MaxOpenPositions = limits.MaxOpenPositions > 0 ? limits.MaxOpenPositions : b.MaxOpenPositions,
            MaxTradesPerDay = limits.MaxTradesPerDay > 0 ? limits.MaxTradesPerDay : b.MaxTradesPerDay,
            MaxOrdersPerDay = limits.MaxOrdersPerDay > 0 ? limits.MaxOrdersPerDay : b.MaxOrdersPerDay,
            MaxOrderNotional = OrDefault(limits.MaxOrderNotional, b.MaxOrderNotional),
            MaxPositionPercent = OrDefault(limits.MaxPositionPercent, b.MaxPositionPercent),
            MaxSectorPercent = sectors,
            PriceBandPercent = OrDefault(limits.PriceBandPercent, b.PriceBandPercent),
            // proto3 bools have no presence: the value is taken as given, except that an empty message keeps everything.
            EnforceMarketHours = IsEmpty(limits) ? b.EnforceMarketHours : limits.EnforceMarketHours,
        };
    }

    public RiskLimits ToProto()
    {
        var p = new RiskLimits
        {
            RiskPerTradePercent = ProtoDecimal.ToProto(RiskPerTradePercent),
            MinRewardRisk = ProtoDecimal.ToProto(MinRewardRisk),
            MaxDailyLossPercent = ProtoDecimal.ToProto(MaxDailyLossPercent),
            MaxOpenPositions = MaxOpenPositions,
            MaxTradesPerDay = MaxTradesPerDay,
            MaxOrdersPerDay = MaxOrdersPerDay,
            MaxOrderNotional = ProtoDecimal.ToProto(MaxOrderNotional),
            MaxPositionPercent = ProtoDecimal.ToProto(MaxPositionPercent),
            PriceBandPercent = ProtoDecimal.ToProto(PriceBandPercent),
            EnforceMarketHours = EnforceMarketHours,
        };
        foreach (var (sector, value) in MaxSectorPercent) p.MaxSectorPercent[sector] = ProtoDecimal.ToProto(value);
        return p;
    }

    private static decimal OrDefault(Api.V1.Decimal? value, decimal fallback)
    {
        var d = ProtoDecimal.FromProto(value);
        return d > 0 ? d : fallback;
    }

    private static bool IsEmpty(RiskLimits l) => l.CalculateSize() == 0;
}
