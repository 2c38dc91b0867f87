namespace ActorTrading.Actors.Brokers;

/// <summary>The OpenAlgo funds response.</summary>
public sealed record OpenAlgoFunds(decimal AvailableCash, decimal Collateral, decimal RealizedMtm, decimal UnrealizedMtm, decimal UtilisedDebits);
