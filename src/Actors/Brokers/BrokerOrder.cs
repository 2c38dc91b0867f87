using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Brokers;

/// <summary>
/// An order as sent to a broker. <see cref="ClientOrderId"/> makes submission idempotent; <see cref="AlgoId"/>
/// tags the order with the algorithm/strategy that produced it (exchanges require an algo tag for automated orders).
/// </summary>
public sealed record BrokerOrder
{
    public required ClientOrderId ClientOrderId { get; init; }
    public required SymbolId Symbol { get; init; }
    public required Side Side { get; init; }
    public required OrderType Type { get; init; }
    public required decimal Quantity { get; init; }
    public decimal? LimitPrice { get; init; }
    public decimal? StopPrice { get; init; }
    public Product Product { get; init; } = Product.Mis;
    public TimeInForce TimeInForce { get; init; } = TimeInForce.Day;
    public string AlgoId { get; init; } = "";

    public static BrokerOrder From(OrderState order, string algoId = "") => new()
    {
        ClientOrderId = order.ClientOrderId, Symbol = order.Symbol, Side = order.Side, Type = order.Request.Type,
        Quantity = order.Quantity, LimitPrice = order.LimitPrice, StopPrice = order.StopPrice, Product = order.Request.Product,
        TimeInForce = order.Request.TimeInForce, AlgoId = string.IsNullOrEmpty(algoId) ? order.Request.Strategy : algoId,
    };
}
