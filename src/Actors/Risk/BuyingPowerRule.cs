using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Risk;

/// <summary>
/// Opening exposure needs cash: notional × <see cref="RiskSettings.MarginPercent"/> must fit in cash minus what
/// pending opening orders already reserve. Orders that only reduce a position need no funds.
/// </summary>
public static class BuyingPowerRule
{
    public static RiskDenial? Check(RiskCheck c)
    {
        if (c.Reduces) return null;
        var margin = c.Limits.MarginPercent / 100m;
        var reserved = 0m;
        foreach (var p in c.Pending) if (p.Opening) reserved += p.Notional * margin;
        var available = c.Snapshot.Cash - reserved;
        var needed = c.Notional * margin;
        if (needed <= available) return null;
        return new(DenialReason.InsufficientFunds,
            $"order needs {needed}, available {available} (cash {c.Snapshot.Cash}, reserved by pending orders {reserved})");
    }
}
