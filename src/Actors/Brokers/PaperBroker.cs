using System.Threading.Channels;
using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Brokers;

/// <summary>
/// A simulated exchange behind the broker port. Orders become working after <see cref="PaperBrokerOptions.Latency"/>
/// (a TimeProvider timer), then match against ticks given to <see cref="OnTick"/> using <see cref="PaperMatcher"/>.
/// Each tick's volume is liquidity shared by the working orders in arrival order, so large orders fill partially over
/// several ticks. IOC remainders are canceled after the first match attempt; DAY orders expire at <see cref="EndOfDay"/>.
/// It rejects what a real broker would: unknown symbol, off-tick price, broken lot size, price outside the band,
/// insufficient funds or holdings. Thread-safe (one lock); reports go to a single-reader channel.
/// </summary>
public sealed partial class PaperBroker : IBrokerAdapter, IDisposable
{
    private readonly object _gate = new();
    private readonly Channel<ExecutionReport> _reports = Channel.CreateUnbounded<ExecutionReport>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, PaperOrder> _orders = new();
    private readonly Dictionary<ClientOrderId, PaperOrder> _byClientId = new();
    private readonly LinkedList<PaperOrder> _active = new();
    private readonly PaperExposure _exposure = new();
    private readonly PriorityQueue<PaperOrder, (DateTimeOffset ActiveAt, long Sequence)> _pending = new();
    private readonly List<PaperOrder> _scratch = [];
    private readonly Dictionary<SymbolId, MarketTick> _ticks = new();
    private readonly Dictionary<SymbolId, long> _liquidity = new();
    private readonly PositionBook _positions = new();
    private readonly InstrumentCatalog _instruments;
    private readonly PaperBrokerOptions _options;
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private long _orderSequence, _tradeSequence;
    private decimal _cash;
    private DateTimeOffset? _armed;   // when the activation timer fires; never later than the first accepted order's ActiveAt

    public PaperBroker(InstrumentCatalog instruments, TimeProvider time, PaperBrokerOptions? options = null)
    {
        _instruments = instruments;
        _time = time;
        _options = options ?? new PaperBrokerOptions();
        _cash = _options.InitialCash;
        _timer = time.CreateTimer(static s => ((PaperBroker)s!).ActivateDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public string Name => _options.Name;
    public ChannelReader<ExecutionReport> ExecutionReports => _reports.Reader;
    public decimal Cash { get { lock (_gate) return _cash; } }

    public Task<BrokerResult<BrokerOrderAck>> PlaceOrderAsync(BrokerOrder order, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_byClientId.TryGetValue(order.ClientOrderId, out var existing)) return Done(BrokerResult<BrokerOrderAck>.Ok(existing.ToAck()));
            if (Validate(order) is { } rejection) return Done(BrokerResult<BrokerOrderAck>.Fail(BrokerErrorKind.Rejected, rejection));
            var now = _time.GetUtcNow();
            var paper = new PaperOrder("P" + (++_orderSequence), order, now + _options.Latency);
            _orders.Add(paper.BrokerOrderId, paper);
            _byClientId.Add(order.ClientOrderId, paper);
            paper.ActiveNode = _active.AddLast(paper);
            _exposure.Add(paper);
            if (_options.Latency <= TimeSpan.Zero) Activate(paper, now);
            else
            {
                _pending.Enqueue(paper, (paper.ActiveAt, _orderSequence));
                ScheduleNextActivation(now);
            }
            return Done(BrokerResult<BrokerOrderAck>.Ok(paper.ToAck()));
        }
    }

    public Task<BrokerResult<BrokerOrderAck>> ModifyOrderAsync(string brokerOrderId, OrderModification m, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue(brokerOrderId, out var o)) return Done(NotFound(brokerOrderId));
            if (!o.IsActive) return Done(Refused(o, "modify"));
            _instruments.TryGet(o.Order.Symbol, out var spec);
            if (m.Quantity is { } q && (q <= o.Filled || spec!.ValidateQuantity(q) is not null))
                return Done(BrokerResult<BrokerOrderAck>.Fail(BrokerErrorKind.Rejected, $"quantity {q} must be whole lots above the filled {o.Filled}"));
            var check = o.Order with { LimitPrice = m.LimitPrice ?? o.LimitPrice, StopPrice = m.StopPrice ?? o.StopPrice };
            if (ValidatePrices(check, spec!) is { } bad) return Done(BrokerResult<BrokerOrderAck>.Fail(BrokerErrorKind.Rejected, bad));
            _exposure.Remove(o);
            o.Quantity = m.Quantity ?? o.Quantity;
            _exposure.Add(o);
            o.LimitPrice = check.LimitPrice;
            o.StopPrice = check.StopPrice;
            var now = _time.GetUtcNow();
            Report(o, 0, 0, 0, now, "modified");
            if (o.IsWorking) Match(o, now);
            return Done(BrokerResult<BrokerOrderAck>.Ok(o.ToAck()));
        }
    }

    public Task<BrokerResult<BrokerOrderAck>> CancelOrderAsync(string brokerOrderId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue(brokerOrderId, out var o)) return Done(NotFound(brokerOrderId));
            if (!o.IsActive) return Done(Refused(o, "cancel"));
            Finish(o, OrderStatus.Canceled, _time.GetUtcNow(), "canceled by request");
            return Done(BrokerResult<BrokerOrderAck>.Ok(o.ToAck()));
        }
    }

    public Task<BrokerResult<BrokerOrderSnapshot>> GetOrderStatusAsync(string brokerOrderId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(_orders.TryGetValue(brokerOrderId, out var o)
                ? BrokerResult<BrokerOrderSnapshot>.Ok(o.ToSnapshot())
                : BrokerResult<BrokerOrderSnapshot>.Fail(BrokerErrorKind.NotFound, $"unknown order {brokerOrderId}"));
    }

    public Task<BrokerResult<IReadOnlyList<BrokerOrderSnapshot>>> GetOpenOrdersAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(BrokerResult<IReadOnlyList<BrokerOrderSnapshot>>.Ok(_active.Select(o => o.ToSnapshot()).ToArray()));
    }

    public Task<BrokerResult<IReadOnlyList<BrokerPosition>>> GetPositionsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(BrokerResult<IReadOnlyList<BrokerPosition>>.Ok(
                _positions.Open().Select(p => new BrokerPosition(p.Key.Symbol, p.Key.Product, p.Quantity, p.AveragePrice)).ToArray()));
    }

    /// <summary>A new market tick: its volume becomes this tick's liquidity; due orders activate; working orders match.</summary>
    public void OnTick(MarketTick tick)
    {
        lock (_gate)
        {
            _ticks[tick.Symbol] = tick;
            _liquidity[tick.Symbol] = tick.Volume;
            var now = _time.GetUtcNow();
            if (_armed is { } due && due <= now) ActivateDueLocked(now); // orders whose latency has passed
            foreach (var o in Snapshot())
            {
                if (!o.IsWorking || o.Order.Symbol != tick.Symbol) continue;
                // once this tick's volume is used up only an untriggered stop can still change (its trigger): a backlog
                // of orders waiting for volume costs a few loads each per tick, not a match attempt
                if (!o.AwaitsTrigger && _liquidity.GetValueOrDefault(tick.Symbol) <= 0) continue;
                Match(o, now);
            }
            _positions.Mark(tick.Symbol, tick.Last);
        }
    }

    /// <summary>Session end: DAY orders still working expire (GTC orders stay).</summary>
    public int EndOfDay()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var n = 0;
            foreach (var o in Snapshot())
                if (o.Order.TimeInForce == TimeInForce.Day) { Finish(o, OrderStatus.Expired, now, "DAY order expired at end of session"); n++; }
            return n;
        }
    }

    public void Dispose() => _timer.Dispose();

    /// <summary>The active orders copied into a reused list, so matching may remove from <see cref="_active"/> without allocating per tick.</summary>
    private List<PaperOrder> Snapshot()
    {
        _scratch.Clear();
        _scratch.AddRange(_active);
        return _scratch;
    }

    private static Task<BrokerResult<BrokerOrderAck>> Done(BrokerResult<BrokerOrderAck> r) => Task.FromResult(r);

    private static BrokerResult<BrokerOrderAck> NotFound(string id) => BrokerResult<BrokerOrderAck>.Fail(BrokerErrorKind.NotFound, $"unknown order {id}");

    private static BrokerResult<BrokerOrderAck> Refused(PaperOrder o, string action) =>
        BrokerResult<BrokerOrderAck>.Fail(BrokerErrorKind.Rejected, $"cannot {action} order {o.BrokerOrderId}: it is {o.Status.ToString().ToUpperInvariant()}");
}
