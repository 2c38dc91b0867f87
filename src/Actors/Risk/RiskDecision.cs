using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Risk;

/// <summary>
/// The engine's answer: approved with the (possibly sized) quantity, or denied. <see cref="NewState"/> is set
/// when the check found the account must change trading state (daily loss reached → REDUCING).
/// </summary>
public readonly record struct RiskDecision(bool Approved, decimal Quantity, RiskDenial? Denial, TradingState? NewState)
{
    public static RiskDecision Approve(decimal quantity) => new(true, quantity, null, null);

    public static RiskDecision Deny(RiskDenial denial, TradingState? newState = null) => new(false, 0, denial, newState);
}
