using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Brokers;

/// <summary>The paper exchange's working copy of one order (mutable, guarded by the broker's lock).</summary>
internal sealed class PaperOrder(string brokerOrderId, BrokerOrder order, DateTimeOffset activeAt)
{
    public string BrokerOrderId { get; } = brokerOrderId;
    public BrokerOrder Order { get; } = order;
    public DateTimeOffset ActiveAt { get; } = activeAt;
    public decimal Quantity { get; set; } = order.Quantity;
    public decimal? LimitPrice { get; set; } = order.LimitPrice;
    public decimal? StopPrice { get; set; } = order.StopPrice;
    public decimal Filled { get; set; }
    public decimal AveragePrice { get; set; }
    public decimal Fees { get; set; }
    public OrderStatus Status { get; set; } = OrderStatus.Accepted;
    /// <summary>A stop order whose trigger was hit now behaves as a market (STOP_MARKET) or limit (STOP_LIMIT) order.</summary>
    public bool Triggered { get; set; }
    public bool IsWorking => Status is OrderStatus.Open or OrderStatus.PartiallyFilled;
    public bool IsActive => Status is OrderStatus.Accepted or OrderStatus.Open or OrderStatus.PartiallyFilled;
    public decimal Remaining => Quantity - Filled;
    public bool IsBuy => Order.Side == Side.Buy;
    /// <summary>A stop order whose trigger has not been hit yet.</summary>
    public bool AwaitsTrigger => Order.Type is OrderType.StopMarket or OrderType.StopLimit && !Triggered;
    /// <summary>Its place in the broker's arrival-ordered list of active orders (null once it ended): O(1) removal.</summary>
    public LinkedListNode<PaperOrder>? ActiveNode { get; set; }

    public BrokerOrderSnapshot ToSnapshot() => new(BrokerOrderId, Order.ClientOrderId, Order.Symbol, Order.Side, Order.Type, Order.Product,
        Quantity, Filled, AveragePrice, LimitPrice, StopPrice, Status);

    public BrokerOrderAck ToAck() => new(BrokerOrderId, Order.ClientOrderId, Status);
}
