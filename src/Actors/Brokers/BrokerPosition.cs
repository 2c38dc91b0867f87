using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Brokers;

/// <summary>A net position as the broker reports it (quantity &lt; 0 short).</summary>
public sealed record BrokerPosition(SymbolId Symbol, Product Product, decimal Quantity, decimal AveragePrice);
