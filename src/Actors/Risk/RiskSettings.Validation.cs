using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Risk;

/// <summary>Validation of limits coming from the API (UpdateRiskLimits, CreateAccount): errors name the proto field.</summary>
public sealed partial record RiskSettings
{
    /// <summary>
    /// Like <see cref="FromProto"/>, but refuses malformed decimals, negative values and percentages above 100 with an
    /// INVALID_ARGUMENT-style message naming the field, instead of silently keeping the default.
    /// </summary>
    public static string? TryFromProto(RiskLimits? limits, RiskSettings? baseline, out RiskSettings? settings)
    {
        settings = null;
        if (limits is not null)
        {
            var error = Percent(limits.RiskPerTradePercent, "risk_per_trade_percent")
                ?? NonNegative(limits.MinRewardRisk, "min_reward_risk")
                ?? Percent(limits.MaxDailyLossPercent, "max_daily_loss_percent")
                ?? NonNegative(limits.MaxOrderNotional, "max_order_notional")
                ?? Percent(limits.MaxPositionPercent, "max_position_percent")
                ?? Percent(limits.PriceBandPercent, "price_band_percent")
                ?? (limits.MaxOpenPositions < 0 ? "max_open_positions: must not be negative" : null)
                ?? (limits.MaxTradesPerDay < 0 ? "max_trades_per_day: must not be negative" : null)
                ?? (limits.MaxOrdersPerDay < 0 ? "max_orders_per_day: must not be negative" : null);
            if (error is not null) return error;
            foreach (var (sector, value) in limits.MaxSectorPercent)
            {
                if (string.IsNullOrWhiteSpace(sector)) return "max_sector_percent: sector name must not be empty";
                if (Percent(value, $"max_sector_percent[{sector}]") is { } e) return e;
            }
        }
        settings = FromProto(limits, baseline);
        return null;
    }

    private static string? NonNegative(Api.V1.Decimal? value, string field)
    {
        if (ProtoDecimal.TryFromProto(value, out var d) is { } e) return $"{field}: {e}";
        return d < 0 ? $"{field}: must not be negative (got {d})" : null;
    }

    private static string? Percent(Api.V1.Decimal? value, string field)
    {
        if (NonNegative(value, field) is { } e) return e;
        var d = ProtoDecimal.FromProto(value);
        return d > 100 ? $"{field}: must be at most 100 (got {d})" : null;
    }
}
