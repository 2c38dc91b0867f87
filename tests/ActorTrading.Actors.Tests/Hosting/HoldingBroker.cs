using System.Threading.Channels;
using ActorTrading.Actors.Brokers;

namespace ActorTrading.Actors.Tests.Hosting;

/// <summary>The paper broker, except that cancels can be refused on demand (the broker "lost" them), and counted.</summary>
internal sealed class HoldingBroker(PaperBroker inner) : IBrokerAdapter
{
    public bool RefuseCancels { get; set; }
    public int CancelCalls { get; private set; }

    public string Name => inner.Name;
    public ChannelReader<ExecutionReport> ExecutionReports => inner.ExecutionReports;

    public Task<BrokerResult<BrokerOrderAck>> PlaceOrderAsync(BrokerOrder order, CancellationToken cancellationToken = default) =>
        inner.PlaceOrderAsync(order, cancellationToken);

    public Task<BrokerResult<BrokerOrderAck>> ModifyOrderAsync(string brokerOrderId, OrderModification modification, CancellationToken cancellationToken = default) =>
        inner.ModifyOrderAsync(brokerOrderId, modification, cancellationToken);

    public Task<BrokerResult<BrokerOrderAck>> CancelOrderAsync(string brokerOrderId, CancellationToken cancellationToken = default)
    {
        CancelCalls++;
        return RefuseCancels
            ? Task.FromResult(BrokerResult<BrokerOrderAck>.Fail(BrokerErrorKind.Rejected, "cancel lost (test)"))
            : inner.CancelOrderAsync(brokerOrderId, cancellationToken);
    }

    public Task<BrokerResult<BrokerOrderSnapshot>> GetOrderStatusAsync(string brokerOrderId, CancellationToken cancellationToken = default) =>
        inner.GetOrderStatusAsync(brokerOrderId, cancellationToken);

    public Task<BrokerResult<IReadOnlyList<BrokerOrderSnapshot>>> GetOpenOrdersAsync(CancellationToken cancellationToken = default) =>
        inner.GetOpenOrdersAsync(cancellationToken);

    public Task<BrokerResult<IReadOnlyList<BrokerPosition>>> GetPositionsAsync(CancellationToken cancellationToken = default) =>
        inner.GetPositionsAsync(cancellationToken);
}
