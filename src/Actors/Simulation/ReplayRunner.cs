using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.InMemory;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Ports;
using ActorTrading.Actors.Replay;
using ActorTrading.Api.V1;
using ActorTrading.Events.V1;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Dispatch;
using ActorTrading.Runtime.Timing;

namespace ActorTrading.Actors.Simulation;

/// <summary>
/// Replays ticks through the real actors, deterministically: a <see cref="DeterministicDispatcher"/> runs every mailbox on
/// the caller's thread, and a <see cref="ManualTimeProvider"/> moves to each tick's time, so the same ticks and spec give
/// exactly the same orders, fills and events every run. Orders fill on a <see cref="PaperBroker"/>.
/// </summary>
public sealed class ReplayRunner : IAsyncDisposable
{
    private readonly ReplaySpec _spec;
    private readonly DeterministicDispatcher _dispatcher = new();
    private readonly ManualTimeProvider _clock;
    private readonly InMemoryAccountJournal _journal;
    private readonly ActorSystem _system;
    private readonly TradingCore _core;
    private long _ticks, _tokens;

    public ReplayRunner(ReplaySpec spec, DateTimeOffset start)
    {
        _spec = spec;
        _clock = new ManualTimeProvider(start);
        _journal = new InMemoryAccountJournal(time: _clock);
        _system = new ActorSystem(new ActorSystemConfig { DefaultDispatcher = _dispatcher, TimeProvider = _clock });
        var broker = new PaperBroker(spec.Instruments, _clock, spec.Broker);
        _core = TradingCore.Create(_system, new TradingCoreOptions
        {
            Journal = _journal, Snapshots = new InMemorySnapshotStore(), BrokerFactory = _ => broker, DefaultGateway = "paper",
            Instruments = spec.Instruments, Strategies = spec.Strategies, Calendar = spec.Calendar, TimeProvider = _clock,
            DefaultLimits = spec.Limits, PumpExecutionReports = false, GatewayOrdersPerSecond = 10_000, GatewayOrdersPerMinute = 600_000,
            WebhookTokenFactory = () => "replay-token-" + (++_tokens).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    public TradingCore Core => _core;
    public ManualTimeProvider Clock => _clock;
    public DeterministicDispatcher Dispatcher => _dispatcher;

    /// <summary>Creates the accounts and starts their strategies; throws if any is refused.</summary>
    public void Setup()
    {
        foreach (var a in _spec.Accounts)
        {
            Ask(TradingCore.AccountIdentity(a.AccountId), new CreateAccountRequest
            {
                AccountId = a.AccountId, DisplayName = a.AccountId, InitialCash = ProtoDecimal.ToProto(a.InitialCash), Limits = _spec.Limits.ToProto(),
            });
            foreach (var s in a.Strategies)
            {
                var start = new StartStrategyRequest { AccountId = a.AccountId, Type = s.Type, InstanceName = s.InstanceName };
                start.Symbols.AddRange(s.Symbols);
                if (s.Parameters is not null) foreach (var (k, v) in s.Parameters) start.Parameters[k] = v;
                Ask(TradingCore.AccountIdentity(a.AccountId), start);
            }
        }
    }

    /// <summary>One tick: the clock moves to its time, the tick goes to its symbol actor, everything runs to idle (the tick is
    /// posted from inside the dispatcher's run, so scheduling the symbol actor takes no concurrent queue).</summary>
    public void Push(MarketTick tick)
    {
        _dispatcher.RunUntilIdle(static s =>
        {
            if (s.Tick.Time > s.Runner._clock.GetUtcNow()) s.Runner._clock.SetUtcNow(s.Tick.Time);
            s.Runner._core.Cluster.Send(TradingCore.SymbolIdentity(s.Tick.Symbol.Value), s.Tick);
        }, (Runner: this, Tick: tick));
        _ticks++;
    }

    public ReplayResult Run(IEnumerable<MarketTick> ticks)
    {
        Setup();
        foreach (var t in ticks) Push(t);
        return Result();
    }

    public ReplayResult Result()
    {
        _dispatcher.RunUntilIdle();
        var events = new Dictionary<string, IReadOnlyList<JournaledEvent>>(StringComparer.Ordinal);
        var reports = new Dictionary<string, ReplayReport>(StringComparer.Ordinal);
        foreach (var a in _spec.Accounts)
        {
            var list = Load(a.AccountId);
            events[a.AccountId] = list;
            var fills = list.Where(e => e.Event.EventCase == AccountEvent.EventOneofCase.OrderFilled).Select(e => ToFill(e.Event.OrderFilled));
            reports[a.AccountId] = ReplayReportCalculator.Calculate(TradeMatcher.Match(fills), a.InitialCash, _spec.Calendar.Zone);
        }
        return new ReplayResult(_ticks, events, reports);
    }

    private List<JournaledEvent> Load(string accountId)
    {
        var list = new List<JournaledEvent>();
        var e = _journal.LoadAsync(accountId, 0).GetAsyncEnumerator();
        while (e.MoveNextAsync().AsTask().GetAwaiter().GetResult()) list.Add(e.Current);
        return list;
    }

    private static Fill ToFill(OrderFilled f) => new(f.TradeId, new OrderId(f.OrderId), new SymbolId(f.Symbol), f.Side, f.Product,
        ProtoDecimal.FromProto(f.Quantity), ProtoDecimal.FromProto(f.Price), ProtoDecimal.FromProto(f.Fees), f.Time.ToDateTimeOffset());

    /// <summary>Sends a request, runs the actors to idle, and returns the reply (throws on CommandFailed or no reply).</summary>
    public object Ask(Runtime.Cluster.ClusterIdentity identity, object request)
    {
        var reply = _core.Cluster.RequestAsync<object>(identity, request, CancellationToken.None);
        _dispatcher.RunUntilIdle();
        if (!reply.IsCompleted) throw new InvalidOperationException($"no reply from {identity} to {request.GetType().Name}");
        var result = reply.GetAwaiter().GetResult();
        if (result is Cluster.V1.CommandFailed failed) throw new InvalidOperationException($"{identity} refused {request.GetType().Name}: {failed}");
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        var shutdown = _system.ShutdownAsync();
        while (!shutdown.IsCompleted) { if (_dispatcher.RunOne() == false) await Task.Yield(); }
        await shutdown.ConfigureAwait(false);
    }
}
