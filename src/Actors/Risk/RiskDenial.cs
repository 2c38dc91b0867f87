using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Risk;

/// <summary>A pre-trade refusal: the rule (typed reason) and a message with the numbers that broke it.</summary>
public sealed record RiskDenial(DenialReason Reason, string Message)
{
    public override string ToString() => $"{Reason}: {Message}";
}
