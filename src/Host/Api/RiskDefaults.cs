using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;
using ActorTrading.Host.Composition;
using ActorTrading.Host.Configuration;

namespace ActorTrading.Host.Api;

/// <summary>The node's default limits (Node:Risk) as the API message CreateAccount fills unset fields from.</summary>
public static class RiskDefaults
{
    public static RiskLimits ToProto(RiskDefaultsOptions o, bool durable) => new()
    {
        RiskPerTradePercent = ProtoDecimal.ToProto(o.RiskPerTradePercent),
        MinRewardRisk = ProtoDecimal.ToProto(o.MinRewardRisk),
        MaxDailyLossPercent = ProtoDecimal.ToProto(o.MaxDailyLossPercent),
        MaxOpenPositions = o.MaxOpenPositions,
        MaxTradesPerDay = o.MaxTradesPerDay,
        MaxOrdersPerDay = o.MaxOrdersPerDay,
        MaxPositionPercent = ProtoDecimal.ToProto(o.MaxPositionPercent),
        PriceBandPercent = ProtoDecimal.ToProto(o.PriceBandPercent),
        EnforceMarketHours = o.EnforceMarketHours ?? durable,
    };

    /// <summary>The request's limits over the defaults: fields the request leaves unset (zero) take the default.</summary>
    public static RiskLimits Merge(RiskLimits? requested, NodeOptions options, NodeStorage storage)
    {
        var merged = ToProto(options.Risk, storage.IsDurable);
        if (requested is null) return merged;
        var enforce = merged.EnforceMarketHours || requested.EnforceMarketHours;
        merged.MergeFrom(requested);
        merged.EnforceMarketHours = enforce;
        return merged;
    }
}
