using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Ports;
using ActorTrading.Cluster.V1;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Messages;

namespace ActorTrading.Actors.Gateways;

/// <summary>
/// Kind <c>gateway</c> (id = broker connection id): the only path to one <see cref="IBrokerAdapter"/>. Commands queue by
/// priority (cancel &gt; modify &gt; new, bounded: overflow is refused with RATE_LIMIT), leave at most at the broker's rate
/// (sliding windows per second and minute, plus the distributed bucket when configured), fail fast while the circuit
/// is open and retry transient errors with backoff. Execution reports are routed to the owning account by identity.
/// </summary>
public sealed partial class GatewayActor(TradingServices services) : IActor
{
    private readonly Dictionary<ClientOrderId, string> _brokerIds = new();
    private readonly HashSet<ClientOrderId> _cancelAfterAck = new();
    private readonly HashSet<ClientOrderId> _inFlightNew = new();
    private readonly HashSet<SymbolId> _ticks = new();
    private GatewayScheduler _scheduler = null!;
    private IBrokerAdapter _broker = null!;
    private RateLimitPolicy? _distributed;
    private GatewayCommand? _held;
    private string _id = "";
    private bool _pumpScheduled;
    private CancellationTokenSource? _stop;
    private SemaphoreSlim? _drained;

    public Task ReceiveAsync(IContext context)
    {
        switch (context.Message)
        {
            case SubmitOrder m: OnSubmit(context, m); break;
            case CancelBrokerOrder m: OnCancel(context, m); break;
            case ModifyBrokerOrder m: OnModify(context, m); break;
            case RetryCommand m: Enqueue(context, m.Command); break;
            case VerifyPlacement m when _broker is IPolledBroker polled: VerifyBeforeRetry(context, polled, m.Command, m.Delay); break;
            case PumpGateway: _pumpScheduled = false; Pump(context); break;
            case DrainReports: Drain(context); _drained?.Release(); break;
            case MarketTick t: OnTick(context, t); break;
            case ReconcileAccount m: return OnReconcileAccount(context, m);
            case ClaimsTimedOut: return OnClaimsTimedOut(context);
            case Started: return StartAsync(context);
            case Stopping: _stop?.Cancel(); break;
            case Stopped: _stop?.Dispose(); Diagnostics.GatewayInstruments.Unregister(_id); break;
        }
        return Task.CompletedTask;
    }

    private Task StartAsync(IContext context)
    {
        _id = context.ClusterIdentity?.Identity ?? context.Self.Id;
        var o = services.Options;
        _broker = o.BrokerFactory(_id);
        _scheduler = new GatewayScheduler(new GatewayQueue(o.GatewayQueueCapacity), new OrderRateLimiter(services.Time, o.GatewayOrdersPerSecond, o.GatewayOrdersPerMinute),
            new CircuitBreaker(services.Time, o.BreakerFailureThreshold, o.BreakerOpenDuration));
        var queue = _scheduler.Queue;
        Diagnostics.GatewayInstruments.Register(_id, () => queue.Count);
        if (o.RateLimits is not null) _distributed = new RateLimitPolicy(o.GatewayOrdersPerSecond, o.GatewayOrdersPerSecond, o.GatewayOrdersPerMinute);
        if (o.PumpExecutionReports)
        {
            _stop = new CancellationTokenSource();
            _drained = new SemaphoreSlim(0);
            _ = PumpReportsAsync(_broker.ExecutionReports, context.Self, context.System, _drained, _stop.Token);
            StartPolling();
        }
        StartCollecting(context);
        return ReconcileOnStartAsync(context);
    }

    private static async Task PumpReportsAsync(System.Threading.Channels.ChannelReader<ExecutionReport> reader, PID self, ActorSystem system,
        SemaphoreSlim drained, CancellationToken ct)
    {
        try
        {
            while (await reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                // A report written during a gateway turn (place, cancel, modify, tick) is drained by that turn: by the
                // time this wakes it is usually gone, and a DrainReports turn per order would find nothing.
                if (reader.CanPeek && !reader.TryPeek(out _)) continue;
                self.SendUserMessage(system, DrainReports.Instance);
                await drained.WaitAsync(ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) { }
    }

    private void OnSubmit(IContext context, SubmitOrder m)
    {
        if (_scheduler.FailFast(GatewayCommandKind.New) is { } error) { Fail(m.Order.ClientOrderId, GatewayCommandKind.New, "UNAVAILABLE", error.Message); return; }
        if (_broker is PaperBroker && _ticks.Add(m.Order.Symbol))
            services.Cluster.Request(TradingCore.SymbolIdentity(m.Order.Symbol.Value), new SubscribeTicks(), context.Self);
        Enqueue(context, GatewayCommand.New(m.Order, services.Time.GetUtcNow(), m.TickArrivedAt));
    }

    private void OnCancel(IContext context, CancelBrokerOrder m)
    {
        var cid = GatewayRouting.BrokerClientId(m.Account, m.OrderId);
        var brokerId = m.BrokerOrderId ?? _brokerIds.GetValueOrDefault(cid);
        if (brokerId is null)
        {
            _cancelAfterAck.Add(cid);
            return;
        }
        Enqueue(context, GatewayCommand.Cancel(cid, brokerId, services.Time.GetUtcNow()));
    }

    private void OnModify(IContext context, ModifyBrokerOrder m)
    {
        var cid = GatewayRouting.BrokerClientId(m.Account, m.OrderId);
        var brokerId = m.BrokerOrderId ?? _brokerIds.GetValueOrDefault(cid);
        if (brokerId is null) { Fail(cid, GatewayCommandKind.Modify, "NOT_ACKNOWLEDGED", "the broker has not acknowledged the order yet"); return; }
        Enqueue(context, GatewayCommand.Modify(cid, brokerId, m.Modification, services.Time.GetUtcNow()));
    }

    private void Enqueue(IContext context, GatewayCommand command)
    {
        if (!_scheduler.TryEnqueue(command, out var denial)) { Diagnostics.GatewayInstruments.Denied(_id, "queue_full"); Fail(command.ClientOrderId, command.Kind, "RATE_LIMIT", denial!.Message); return; }
        if (command.Kind == GatewayCommandKind.New) _inFlightNew.Add(command.ClientOrderId);
        Pump(context);
    }

    private void OnTick(IContext context, MarketTick tick)
    {
        if (_broker is PaperBroker paper) paper.OnTick(tick);
        Drain(context);
    }

    /// <summary>Routes every pending execution report to the account that owns the order.</summary>
    private void Drain(IContext context)
    {
        while (_broker.ExecutionReports.TryRead(out var r))
        {
            if (!GatewayRouting.TryParse(r.ClientOrderId, out var account, out var orderId)) continue;
            if (r.BrokerOrderId.Length > 0) _brokerIds.TryAdd(r.ClientOrderId, r.BrokerOrderId);
            services.Cluster.Send(TradingCore.AccountIdentity(account.Value), new GatewayReport(orderId, _id) { Execution = r });
        }
    }

    private void Fail(ClientOrderId cid, GatewayCommandKind kind, string code, string message)
    {
        _inFlightNew.Remove(cid);
        if (!GatewayRouting.TryParse(cid, out var account, out var orderId)) return;
        services.Cluster.Send(TradingCore.AccountIdentity(account.Value),
            new GatewayReport(orderId, _id) { FailureCode = code, FailureMessage = message, Kind = kind });
    }
}
