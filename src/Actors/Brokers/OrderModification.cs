namespace ActorTrading.Actors.Brokers;

/// <summary>New values for a working order; null leaves a field unchanged.</summary>
public sealed record OrderModification(decimal? Quantity = null, decimal? LimitPrice = null, decimal? StopPrice = null);
