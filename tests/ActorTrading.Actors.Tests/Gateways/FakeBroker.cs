using System.Threading.Channels;
using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Tests.Gateways;

/// <summary>A broker that records every call with the (fake) time, acknowledges orders, and fails on demand.</summary>
internal sealed class FakeBroker(TimeProvider time) : IBrokerAdapter
{
    private readonly Channel<ExecutionReport> _reports = Channel.CreateUnbounded<ExecutionReport>();
    private int _ids;

    public List<(DateTimeOffset At, GatewayCommandKind Kind, string Id)> Calls { get; } = new();
    public int FailTransient { get; set; }
    public List<BrokerOrderSnapshot> Open { get; } = new();

    public string Name => "fake";
    public ChannelReader<ExecutionReport> ExecutionReports => _reports.Reader;

    public void Report(ExecutionReport report) => _reports.Writer.TryWrite(report);

    public Task<BrokerResult<BrokerOrderAck>> PlaceOrderAsync(BrokerOrder order, CancellationToken cancellationToken = default)
    {
        Calls.Add((time.GetUtcNow(), GatewayCommandKind.New, order.ClientOrderId.Value));
        if (FailTransient > 0) { FailTransient--; return Task.FromResult(BrokerResult<BrokerOrderAck>.Fail(BrokerErrorKind.Transient, "broker busy")); }
        return Task.FromResult(BrokerResult<BrokerOrderAck>.Ok(new BrokerOrderAck("B" + ++_ids, order.ClientOrderId, OrderStatus.Open)));
    }

    public Task<BrokerResult<BrokerOrderAck>> ModifyOrderAsync(string brokerOrderId, OrderModification modification, CancellationToken cancellationToken = default)
    {
        Calls.Add((time.GetUtcNow(), GatewayCommandKind.Modify, brokerOrderId));
        return Task.FromResult(BrokerResult<BrokerOrderAck>.Ok(new BrokerOrderAck(brokerOrderId, new ClientOrderId("x"), OrderStatus.Open)));
    }

    public Task<BrokerResult<BrokerOrderAck>> CancelOrderAsync(string brokerOrderId, CancellationToken cancellationToken = default)
    {
        Calls.Add((time.GetUtcNow(), GatewayCommandKind.Cancel, brokerOrderId));
        return Task.FromResult(BrokerResult<BrokerOrderAck>.Ok(new BrokerOrderAck(brokerOrderId, new ClientOrderId("x"), OrderStatus.Canceled)));
    }

    public Task<BrokerResult<BrokerOrderSnapshot>> GetOrderStatusAsync(string brokerOrderId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Open.FirstOrDefault(o => o.BrokerOrderId == brokerOrderId) is { } o
            ? BrokerResult<BrokerOrderSnapshot>.Ok(o) : BrokerResult<BrokerOrderSnapshot>.Fail(BrokerErrorKind.NotFound, "unknown order"));

    public Task<BrokerResult<IReadOnlyList<BrokerOrderSnapshot>>> GetOpenOrdersAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(BrokerResult<IReadOnlyList<BrokerOrderSnapshot>>.Ok(Open.Where(o => o.IsActive).ToArray()));

    public Task<BrokerResult<IReadOnlyList<BrokerPosition>>> GetPositionsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(BrokerResult<IReadOnlyList<BrokerPosition>>.Ok(Array.Empty<BrokerPosition>()));
}
