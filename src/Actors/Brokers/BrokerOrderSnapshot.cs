using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Brokers;

/// <summary>What the broker says about one order. <see cref="ClientOrderId"/> is null when the broker does not echo it.</summary>
public sealed record BrokerOrderSnapshot(
    string BrokerOrderId, ClientOrderId? ClientOrderId, SymbolId Symbol, Side Side, OrderType Type, Product Product,
    decimal Quantity, decimal FilledQuantity, decimal AveragePrice, decimal? LimitPrice, decimal? StopPrice, OrderStatus Status)
{
    public bool IsActive => Status is OrderStatus.Accepted or OrderStatus.Open or OrderStatus.PartiallyFilled;
}
