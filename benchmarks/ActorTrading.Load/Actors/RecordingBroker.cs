using System.Diagnostics;
using System.Threading.Channels;
using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Load.Actors;

/// <summary>A broker adapter that stamps the arrival of every order and fills it at once (the position stays flat).</summary>
public sealed class RecordingBroker(int capacity) : IBrokerAdapter
{
    private readonly Channel<ExecutionReport> _reports = Channel.CreateUnbounded<ExecutionReport>(new UnboundedChannelOptions { SingleReader = true });
    private int _count;

    public long[] Arrivals { get; } = new long[capacity];

    /// <summary>The tick sequence each order answers (decoded from its limit price), -1 when unknown.</summary>
    public long[] Ticks { get; } = new long[capacity];

    private long _lastTick;
    public int Count => Volatile.Read(ref _count);
    public string Name => "recording";
    public ChannelReader<ExecutionReport> ExecutionReports => _reports.Reader;

    public Task<BrokerResult<BrokerOrderAck>> PlaceOrderAsync(BrokerOrder order, CancellationToken cancellationToken = default)
    {
        var n = _count;
        if (n < Arrivals.Length)
        {
            Arrivals[n] = Stopwatch.GetTimestamp();
            Ticks[n] = -1;
            if (order.LimitPrice is { } price)
            {
                var residue = TickEchoStrategy.ResidueOf(price);
                var seq = _lastTick - _lastTick % TickEchoStrategy.Window + residue;
                while (seq <= _lastTick) seq += TickEchoStrategy.Window;
                Ticks[n] = _lastTick = seq;
            }
        }
        Volatile.Write(ref _count, n + 1);
        var id = "R" + n;
        _reports.Writer.TryWrite(new ExecutionReport(order.ClientOrderId, id, OrderStatus.Filled, order.Quantity, order.LimitPrice ?? 4000m, order.Quantity, order.LimitPrice ?? 4000m, 0m,
            DateTimeOffset.UtcNow, "", id));
        return Task.FromResult(BrokerResult<BrokerOrderAck>.Ok(new BrokerOrderAck(id, order.ClientOrderId, OrderStatus.Open)));
    }

    public Task<BrokerResult<BrokerOrderAck>> ModifyOrderAsync(string brokerOrderId, OrderModification modification, CancellationToken cancellationToken = default) =>
        Task.FromResult(BrokerResult<BrokerOrderAck>.Fail(BrokerErrorKind.Rejected, "not supported"));

    public Task<BrokerResult<BrokerOrderAck>> CancelOrderAsync(string brokerOrderId, CancellationToken cancellationToken = default) =>
        Task.FromResult(BrokerResult<BrokerOrderAck>.Fail(BrokerErrorKind.Rejected, "not supported"));

    public Task<BrokerResult<BrokerOrderSnapshot>> GetOrderStatusAsync(string brokerOrderId, CancellationToken cancellationToken = default) =>
        Task.FromResult(BrokerResult<BrokerOrderSnapshot>.Fail(BrokerErrorKind.NotFound, "not tracked"));

    public Task<BrokerResult<IReadOnlyList<BrokerOrderSnapshot>>> GetOpenOrdersAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(BrokerResult<IReadOnlyList<BrokerOrderSnapshot>>.Ok(Array.Empty<BrokerOrderSnapshot>()));

    public Task<BrokerResult<IReadOnlyList<BrokerPosition>>> GetPositionsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(BrokerResult<IReadOnlyList<BrokerPosition>>.Ok(Array.Empty<BrokerPosition>()));
}
