using System.Threading.Channels;
using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Tests.Gateways;

/// <summary>
/// A broker like OpenAlgo: its order book does not echo client order ids, and an order is in the book (filled at once)
/// as soon as it is placed. While <see cref="HoldAnswers"/> is set, a placement's answer stays in flight until
/// <see cref="Answer"/>: the window in which the broker has an order the gateway cannot know yet.
/// </summary>
internal sealed class PolledFakeBroker : IBrokerAdapter, IPolledBroker
{
    private readonly Channel<ExecutionReport> _reports = Channel.CreateUnbounded<ExecutionReport>();
    private readonly Queue<(string Id, ClientOrderId Cid, TaskCompletionSource<BrokerResult<BrokerOrderAck>> Answer)> _held = new();

    public bool HoldAnswers { get; set; }

    /// <summary>The next this many placements reach the broker but their answers are lost (a timeout: transient for the gateway).</summary>
    public int LoseAnswers { get; set; }

    /// <summary>Every placement that reached the broker: (broker order id, client order id).</summary>
    public List<(string BrokerOrderId, ClientOrderId ClientOrderId)> Placed { get; } = [];

    /// <summary>Every order reconciliation handed back as attributed: (broker order id, client order id).</summary>
    public List<(string BrokerOrderId, ClientOrderId ClientOrderId)> Adopted { get; } = [];

    public List<BrokerOrderSnapshot> Book { get; } = [];

    public string Name => "polled-fake";
    public TimeSpan PollInterval => TimeSpan.Zero;
    public ChannelReader<ExecutionReport> ExecutionReports => _reports.Reader;

    /// <summary>Adds an order some earlier run placed (its answer was lost).</summary>
    public string AddToBook(BrokerOrder order)
    {
        var id = (100 + Book.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Book.Add(new BrokerOrderSnapshot(id, null, order.Symbol, order.Side, order.Type, order.Product, order.Quantity, order.Quantity, 4000m,
            order.LimitPrice, order.StopPrice, OrderStatus.Filled));
        return id;
    }

    public Task<BrokerResult<BrokerOrderAck>> PlaceOrderAsync(BrokerOrder order, CancellationToken cancellationToken = default)
    {
        var id = AddToBook(order);
        Placed.Add((id, order.ClientOrderId));
        if (LoseAnswers > 0)
        {
            LoseAnswers--;
            return Task.FromResult(BrokerResult<BrokerOrderAck>.Fail(BrokerErrorKind.Transient, "placeorder: timed out"));
        }
        var ack = BrokerResult<BrokerOrderAck>.Ok(new BrokerOrderAck(id, order.ClientOrderId, OrderStatus.Accepted));
        if (!HoldAnswers) return Task.FromResult(ack);
        var answer = new TaskCompletionSource<BrokerResult<BrokerOrderAck>>();
        _held.Enqueue((id, order.ClientOrderId, answer));
        return answer.Task;
    }

    /// <summary>Delivers the oldest held placement's answer.</summary>
    public void Answer()
    {
        var (id, cid, answer) = _held.Dequeue();
        answer.SetResult(BrokerResult<BrokerOrderAck>.Ok(new BrokerOrderAck(id, cid, OrderStatus.Accepted)));
    }

    public void Adopt(BrokerOrder order, BrokerOrderSnapshot snapshot) => Adopted.Add((snapshot.BrokerOrderId, order.ClientOrderId));

    public Task<BrokerResult<int>> PollAsync(CancellationToken cancellationToken = default) => Task.FromResult(BrokerResult<int>.Ok(0));

    public Task<BrokerResult<IReadOnlyList<BrokerOrderSnapshot>>> GetOrderBookAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(BrokerResult<IReadOnlyList<BrokerOrderSnapshot>>.Ok(Book.ToArray()));

    public Task<BrokerResult<IReadOnlyList<BrokerOrderSnapshot>>> GetOpenOrdersAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(BrokerResult<IReadOnlyList<BrokerOrderSnapshot>>.Ok(Book.Where(o => o.IsActive).ToArray()));

    public Task<BrokerResult<BrokerOrderSnapshot>> GetOrderStatusAsync(string brokerOrderId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Book.FirstOrDefault(o => o.BrokerOrderId == brokerOrderId) is { } o
            ? BrokerResult<BrokerOrderSnapshot>.Ok(o) : BrokerResult<BrokerOrderSnapshot>.Fail(BrokerErrorKind.NotFound, "unknown order"));

    public Task<BrokerResult<BrokerOrderAck>> ModifyOrderAsync(string brokerOrderId, OrderModification modification, CancellationToken cancellationToken = default) =>
        Task.FromResult(BrokerResult<BrokerOrderAck>.Fail(BrokerErrorKind.Rejected, "not supported by the fake"));

    public Task<BrokerResult<BrokerOrderAck>> CancelOrderAsync(string brokerOrderId, CancellationToken cancellationToken = default) =>
        Task.FromResult(BrokerResult<BrokerOrderAck>.Fail(BrokerErrorKind.Rejected, "not supported by the fake"));

    public Task<BrokerResult<IReadOnlyList<BrokerPosition>>> GetPositionsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(BrokerResult<IReadOnlyList<BrokerPosition>>.Ok(Array.Empty<BrokerPosition>()));
}
