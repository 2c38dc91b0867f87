using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Risk;

/// <summary>
/// For orders that open exposure with both a stop-loss and a take-profit: reward:risk =
/// |target − entry| / |entry − stop| must be at least <see cref="RiskSettings.MinRewardRisk"/>, and the stop and
/// target must sit on the correct sides of the entry. Orders without both are not judged here.
/// </summary>
public static class RewardRiskRule
{
    public static RiskDenial? Check(RiskCheck c)
    {
        var r = c.Request;
        if (c.Reduces || r.StopLoss is not { } stop || r.TakeProfit is not { } target) return null;
        var entry = c.EntryPrice;
        var buy = r.Side == Side.Buy;
        if (buy ? stop >= entry || target <= entry : stop <= entry || target >= entry)
            return new(DenialReason.MinRewardRisk,
                $"for a {r.Side} at {entry} the stop {stop} must be {(buy ? "below" : "above")} and the target {target} {(buy ? "above" : "below")} the entry");
        var ratio = Ratio(entry, stop, target);
        return ratio >= c.Limits.MinRewardRisk ? null : new(DenialReason.MinRewardRisk,
            $"reward:risk {Math.Round(ratio, 2)} is below the minimum {c.Limits.MinRewardRisk} (entry {entry}, stop {stop}, target {target})");
    }

    public static decimal Ratio(decimal entry, decimal stop, decimal target) => Math.Abs(target - entry) / Math.Abs(entry - stop);
}
