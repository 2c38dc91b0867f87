using System.Threading.Channels;

namespace ActorTrading.Actors.Brokers;

/// <summary>
/// The port to one broker connection. The gateway actor is its only caller. Placing the same client order id twice
/// returns the first acknowledgement and places nothing. Execution reports arrive on <see cref="ExecutionReports"/>
/// (one reader: the gateway). Every call returns a value; only broken invariants throw.
/// </summary>
public interface IBrokerAdapter
{
    string Name { get; }

    ChannelReader<ExecutionReport> ExecutionReports { get; }

    Task<BrokerResult<BrokerOrderAck>> PlaceOrderAsync(BrokerOrder order, CancellationToken cancellationToken = default);

    Task<BrokerResult<BrokerOrderAck>> ModifyOrderAsync(string brokerOrderId, OrderModification modification, CancellationToken cancellationToken = default);

    Task<BrokerResult<BrokerOrderAck>> CancelOrderAsync(string brokerOrderId, CancellationToken cancellationToken = default);

    Task<BrokerResult<BrokerOrderSnapshot>> GetOrderStatusAsync(string brokerOrderId, CancellationToken cancellationToken = default);

    Task<BrokerResult<IReadOnlyList<BrokerOrderSnapshot>>> GetOpenOrdersAsync(CancellationToken cancellationToken = default);

    Task<BrokerResult<IReadOnlyList<BrokerPosition>>> GetPositionsAsync(CancellationToken cancellationToken = default);
}
