using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Risk;

/// <summary>
/// The engine's answer: approved with the (possibly sized) quantity, or denied. <see cref="NewState"/> is set
/// when the check found the account must change trading state (daily loss reached → REDUCING).
/// <see cref="Reduces"/> tells the account whether an approved order only reduces a position (it does not count
/// as a trade for max trades per day).
/// </summary>
public readonly record struct RiskDecision(bool Approved, decimal Quantity, RiskDenial? Denial, TradingState? NewState, bool Reduces = false)
{
    public static RiskDecision Approve(decimal quantity, bool reduces = false) => new(true, quantity, null, null, reduces);

    public static RiskDecision Deny(RiskDenial denial, TradingState? newState = null) => new(false, 0, denial, newState);
}
