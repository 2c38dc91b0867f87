using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Brokers;

/// <summary>The broker took the request: its order id and the status at that moment.</summary>
public sealed record BrokerOrderAck(string BrokerOrderId, ClientOrderId ClientOrderId, OrderStatus Status);
