using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.InMemory;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Api.V1;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Cluster;
using ActorTrading.Runtime.Dispatch;
using ManualTimeProvider = ActorTrading.Runtime.Timing.ManualTimeProvider;

namespace ActorTrading.Actors.Tests.Hosting;

/// <summary>
/// The trading core on a <see cref="DeterministicDispatcher"/> and a <see cref="ManualTimeProvider"/>: nothing runs until
/// the test says so (<see cref="Run"/>), time moves only with <see cref="Advance"/>. Paper broker by default.
/// </summary>
internal sealed class CoreHarness : IAsyncDisposable
{
    /// <summary>Monday 2026-01-05 10:00 IST: the NSE is open.</summary>
    public static readonly DateTimeOffset MarketOpen = new(2026, 1, 5, 4, 30, 0, TimeSpan.Zero);

    public CoreHarness(Func<TradingCoreOptions, TradingCoreOptions>? configure = null, IBrokerAdapter? broker = null, DateTimeOffset? start = null,
        Func<PaperBroker, IBrokerAdapter>? wrapPaper = null)
    {
        Clock = new ManualTimeProvider(start ?? MarketOpen);
        Journal = new FaultyJournal(new InMemoryAccountJournal(time: Clock));
        System = new ActorSystem(new ActorSystemConfig { DefaultDispatcher = Dispatcher, TimeProvider = Clock });
        Paper = new PaperBroker(InstrumentCatalog.Default, Clock);
        Broker = broker ?? wrapPaper?.Invoke(Paper) ?? Paper;
        var options = new TradingCoreOptions
        {
            Journal = Journal, Snapshots = Snapshots, BrokerFactory = _ => Broker, TimeProvider = Clock, PumpExecutionReports = false,
            DefaultLimits = RiskSettings.Default with { MaxTradesPerDay = 50 },
        };
        Core = TradingCore.Create(System, configure?.Invoke(options) ?? options);
        System.EventStream.Subscribe<object>(e => Events.Add(e));
    }

    /// <summary>Everything published on the event stream (dead letters, failures): printed when a reply is missing.</summary>
    public List<object> Events { get; } = new();

    public DeterministicDispatcher Dispatcher { get; } = new();
    public ManualTimeProvider Clock { get; }
    public FaultyJournal Journal { get; }
    public InMemorySnapshotStore Snapshots { get; } = new();
    public ActorSystem System { get; }
    public PaperBroker Paper { get; }
    public IBrokerAdapter Broker { get; }
    public TradingCore Core { get; }

    public static ClusterIdentity Account(string id = "acc-1") => TradingCore.AccountIdentity(id);

    public int Run() => Dispatcher.RunUntilIdle();

    public void Advance(TimeSpan by)
    {
        Clock.Advance(by);
        Run();
    }

    /// <summary>Sends a request through the cluster without running anything: the reply task completes as the test runs the dispatcher.</summary>
    public Task<object> Request(object request, string account = "acc-1") =>
        Core.Cluster.RequestAsync<object>(Account(account), request, CancellationToken.None);

    /// <summary>Sends a request through the cluster, runs to idle and returns the reply (which must have arrived).</summary>
    public object Ask(ClusterIdentity identity, object request)
    {
        var reply = Core.Cluster.RequestAsync<object>(identity, request, CancellationToken.None);
        Run();
        Assert.True(reply.IsCompleted, $"no reply from {identity} to {request.GetType().Name}; events: {string.Join(" | ", Events)}");
        return reply.GetAwaiter().GetResult();
    }

    public T Ask<T>(ClusterIdentity identity, object request)
    {
        var reply = Ask(identity, request);
        return Assert.IsType<T>(reply);
    }

    public Account CreateAccount(string id = "acc-1", decimal cash = 1_000_000m, RiskLimits? limits = null) =>
        Ask<Account>(Account(id), new CreateAccountRequest { AccountId = id, DisplayName = "Test " + id, InitialCash = ProtoDecimal.ToProto(cash), Limits = limits });

    private long _sequence;

    public void Tick(string symbol, decimal last, long volume = 100_000, decimal spread = 0.05m)
    {
        var tick = new MarketTick(new SymbolId(symbol), last - spread, last + spread, last, volume, Clock.GetUtcNow(), ++_sequence);
        Core.Cluster.Send(TradingCore.SymbolIdentity(symbol), tick);
        Run();
    }

    public OrderAck Place(string cid, string symbol, Side side, decimal quantity, OrderType type = OrderType.Market, decimal? limit = null,
        string account = "acc-1", decimal? stopLoss = null, decimal? takeProfit = null)
    {
        var reply = Ask(Account(account), PlaceRequest(cid, symbol, side, quantity, type, limit, account, stopLoss, takeProfit));
        if (reply is Cluster.V1.CommandFailed f) Assert.Fail("place refused: " + f);
        return Assert.IsType<OrderAck>(reply);
    }

    public static PlaceOrderRequest PlaceRequest(string cid, string symbol, Side side, decimal quantity, OrderType type = OrderType.Market,
        decimal? limit = null, string account = "acc-1", decimal? stopLoss = null, decimal? takeProfit = null) => new()
    {
        AccountId = account, ClientOrderId = cid, Symbol = symbol, Side = side, Type = type, Quantity = ProtoDecimal.ToProto(quantity),
        LimitPrice = limit is { } l ? ProtoDecimal.ToProto(l) : null, TimeInForce = TimeInForce.Day, Product = Product.Mis,
        StopLoss = stopLoss is { } s ? ProtoDecimal.ToProto(s) : null, TakeProfit = takeProfit is { } t ? ProtoDecimal.ToProto(t) : null,
    };

    /// <summary>acc-1 with one filled market order on NSE:TCS at 4000: the gateway follows NSE:TCS, so the paper broker
    /// knows its price and acknowledges and fills the next market order in one turn.</summary>
    public static CoreHarness WithTradedAccount()
    {
        var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        h.Place("warm", "NSE:TCS", Side.Buy, 1);
        h.Tick("NSE:TCS", 4000m);
        return h;
    }

    public PID SpawnProbe(Probe probe) => System.Root.Spawn(Props.FromProducer(() => probe));

    public async ValueTask DisposeAsync()
    {
        var shutdown = System.ShutdownAsync();
        for (var i = 0; i < 10_000 && !shutdown.IsCompleted; i++)
        {
            if (!Dispatcher.RunOne()) await Task.Yield();
        }
        Paper.Dispose();
    }
}
