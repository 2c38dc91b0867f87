using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Brokers;

/// <summary>An order as the account believes it is, for reconciliation. <see cref="BrokerOrderId"/> null = never acknowledged.</summary>
public sealed record LocalOrderView(ClientOrderId ClientOrderId, string? BrokerOrderId, SymbolId Symbol, Side Side,
    decimal Quantity, decimal FilledQuantity, OrderStatus Status);
