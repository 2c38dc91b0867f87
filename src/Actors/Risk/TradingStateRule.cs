using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Risk;

/// <summary>HALTED refuses everything; REDUCING refuses anything that does not only reduce an existing position.</summary>
public static class TradingStateRule
{
    public static RiskDenial? Check(RiskCheck c) => c.Snapshot.State switch
    {
        TradingState.Halted => new(DenialReason.TradingHalted, $"account {c.Snapshot.Account} is HALTED: no new orders until resumed"),
        TradingState.Reducing when !c.Reduces => new(DenialReason.ReduceOnly,
            $"account {c.Snapshot.Account} is REDUCING: only orders that reduce a position are allowed " +
            $"({c.Request.Side} {c.Request.Quantity} {c.Request.Symbol} with position {c.PositionQuantity})"),
        _ => null,
    };
}
