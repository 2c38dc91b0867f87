using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Actors.Strategies;
using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;

namespace ActorTrading.Actors.Tests.Accounts;

public sealed class SupervisionTests
{
    private sealed class Spy
    {
        public int Starts;
        public int Ticks;
        public bool Throw = true;
    }

    private sealed class ThrowingStrategy(Spy spy) : IStrategy
    {
        public string Type => "throwing";
        public void OnStart(IStrategyContext context) => spy.Starts++;
        public void OnTick(MarketTick tick, IStrategyContext context)
        {
            spy.Ticks++;
            if (spy.Throw) throw new InvalidOperationException("strategy bug");
        }
        public void OnBar(ActorTrading.Actors.Model.Bar bar, IStrategyContext context) { }
        public void OnFill(Fill fill, IStrategyContext context) { }
        public SignalOutcome OnSignal(ExternalSignal signal, IStrategyContext context) => SignalOutcome.Reject("no");
    }

    private sealed class FaultyRisk(RiskEngine engine) : IRiskEvaluator
    {
        public static bool Fail;
        public RiskDecision Evaluate(OrderRequest request, RiskSnapshot snapshot) =>
            Fail ? throw new InvalidOperationException("risk bug") : engine.Evaluate(request, snapshot);
        public RiskDecision EvaluateModify(OrderRequest current, decimal currentRemaining, OrderRequest modified, RiskSnapshot snapshot) =>
            Fail ? throw new InvalidOperationException("risk bug") : engine.EvaluateModify(current, currentRemaining, modified, snapshot);
        public void Release(ClientOrderId clientOrderId) => engine.Release(clientOrderId);
        public void ClearReservations() => engine.ClearReservations();
    }

    [Fact]
    public async Task Strategy_Throws_RestartsWithBackoffAndAccountKeepsTrading()
    {
        var spy = new Spy();
        var catalog = new StrategyCatalog(StrategyCatalog.Default.All.Append(new StrategyDescriptor("throwing", "throws", [], _ => new ThrowingStrategy(spy))));
        await using var h = new CoreHarness(o => o with { Strategies = catalog, StrategyBackoff = TimeSpan.FromSeconds(1) });
        h.CreateAccount();
        var start = new StartStrategyRequest { AccountId = "acc-1", Type = "throwing", InstanceName = "bad" };
        start.Symbols.Add("NSE:TCS");
        h.Ask<StrategyInstance>(CoreHarness.Account(), start);
        Assert.Equal(1, spy.Starts);

        h.Tick("NSE:TCS", 4000m);
        Assert.Equal(1, spy.Starts);                 // failed, waiting for its backoff
        h.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(1, spy.Starts);
        h.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, spy.Starts);                 // restarted after 1 s
        h.Tick("NSE:TCS", 4000m);
        h.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.Equal(2, spy.Starts);                 // second failure: 2 s
        h.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(3, spy.Starts);

        Assert.Equal(OrderStatus.Accepted, h.Place("still", "NSE:TCS", Side.Buy, 1).Status);
        spy.Throw = false;
        var ticks = spy.Ticks;
        h.Tick("NSE:TCS", 4000m);
        Assert.Equal(ticks + 1, spy.Ticks);
        var list = h.Ask<ListStrategiesResponse>(CoreHarness.Account(), new ListStrategiesRequest { AccountId = "acc-1" });
        Assert.True(Assert.Single(list.Strategies).Running);
    }

    [Fact]
    public async Task Risk_Fails_OrdersRefusedUnavailableUntilHealthyAgain()
    {
        await using var h = new CoreHarness(o => o with { RiskEvaluatorFactory = (c, t) => new FaultyRisk(new RiskEngine(c, t)) });
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        FaultyRisk.Fail = true;
        try
        {
            var failed = h.Ask<CommandFailed>(CoreHarness.Account(), CoreHarness.PlaceRequest("a", "NSE:TCS", Side.Buy, 1));
            Assert.Equal(FailureCode.Unavailable, failed.Code);
            Assert.Equal(FailureCode.Unavailable, h.Ask<CommandFailed>(CoreHarness.Account(), CoreHarness.PlaceRequest("b", "NSE:TCS", Side.Buy, 1)).Code);
        }
        finally { FaultyRisk.Fail = false; }
        Assert.Equal(OrderStatus.Accepted, h.Place("c", "NSE:TCS", Side.Buy, 1).Status);
        Assert.DoesNotContain(h.Ask<ListOrdersResponse>(CoreHarness.Account(), new ListOrdersRequest { AccountId = "acc-1" }).Orders, o => o.ClientOrderId != "c");
    }

    [Fact]
    public async Task StartStrategy_ValidatesAndReturnsUnguessableToken()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        var start = new StartStrategyRequest { AccountId = "acc-1", Type = "ema_crossover", InstanceName = "ema1" };
        start.Symbols.Add("NSE:TCS");
        var instance = h.Ask<StrategyInstance>(CoreHarness.Account(), start);
        Assert.True(instance.Running);
        Assert.Equal(43, instance.WebhookToken.Length);
        Assert.Equal(FailureCode.AlreadyExists, h.Ask<CommandFailed>(CoreHarness.Account(), start).Code);
        var bad = start.Clone();
        bad.InstanceName = "ema2";
        bad.Type = "nope";
        Assert.Equal("type", h.Ask<CommandFailed>(CoreHarness.Account(), bad).Field);
        bad.Type = "ema_crossover";
        bad.Parameters["unknown"] = "1";
        Assert.Equal("parameters", h.Ask<CommandFailed>(CoreHarness.Account(), bad).Field);
        bad.Parameters.Clear();
        bad.Symbols.Clear();
        Assert.Equal("symbols", h.Ask<CommandFailed>(CoreHarness.Account(), bad).Field);
        bad.Symbols.Add("NSE:TCS");
        bad.InstanceName = "has space";
        Assert.Equal("instance_name", h.Ask<CommandFailed>(CoreHarness.Account(), bad).Field);
        var listed = h.Ask<ListStrategiesResponse>(CoreHarness.Account(), new ListStrategiesRequest { AccountId = "acc-1" });
        Assert.Equal("", Assert.Single(listed.Strategies).WebhookToken);
        var stopped = h.Ask<StrategyInstance>(CoreHarness.Account(), new StopStrategyRequest { AccountId = "acc-1", InstanceName = "ema1" });
        Assert.False(stopped.Running);
        Assert.Equal(FailureCode.NotFound, h.Ask<CommandFailed>(CoreHarness.Account(), new StopStrategyRequest { AccountId = "acc-1", InstanceName = "ema1" }).Code);
    }

    [Fact]
    public async Task SendSignal_SignalFollower_PlacesBracketOrderOrRefusesBadSignal()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var start = new StartStrategyRequest { AccountId = "acc-1", Type = "signal_follower", InstanceName = "tv" };
        start.Symbols.Add("NSE:TCS");
        h.Ask<StrategyInstance>(CoreHarness.Account(), start);
        var ack = h.Ask<OrderAck>(CoreHarness.Account(), new SendSignalRequest { AccountId = "acc-1", InstanceName = "tv", Symbol = "NSE:TCS", Action = Side.Buy });
        Assert.Equal(OrderStatus.Accepted, ack.Status);
        var refused = h.Ask<CommandFailed>(CoreHarness.Account(), new SendSignalRequest { AccountId = "acc-1", InstanceName = "tv", Symbol = "NSE:INFY", Action = Side.Buy });
        Assert.Equal(FailureCode.InvalidArgument, refused.Code);
        Assert.Equal(FailureCode.NotFound, h.Ask<CommandFailed>(CoreHarness.Account(), new SendSignalRequest { AccountId = "acc-1", InstanceName = "zz", Symbol = "NSE:TCS", Action = Side.Buy }).Code);
        Assert.Equal("action", h.Ask<CommandFailed>(CoreHarness.Account(), new SendSignalRequest { AccountId = "acc-1", InstanceName = "tv", Symbol = "NSE:TCS" }).Field);
    }

    [Fact]
    public async Task Strategy_EveryTick_OrdersFlowThroughRiskAndGateway()
    {
        await using var h = new CoreHarness(o => o with { Strategies = ActorTrading.Actors.Simulation.EveryTickStrategy.Catalog,
            DefaultLimits = RiskSettings.Default with { MaxOrdersPerDay = 1000, OrdersPerSecond = 1000, OrderBurst = 1000 } });
        h.CreateAccount();
        var start = new StartStrategyRequest { AccountId = "acc-1", Type = "every_tick", InstanceName = "load" };
        start.Symbols.Add("NSE:TCS");
        h.Ask<StrategyInstance>(CoreHarness.Account(), start);
        for (var i = 0; i < 6; i++) h.Tick("NSE:TCS", 4000m);
        var orders = h.Ask<ListOrdersResponse>(CoreHarness.Account(), new ListOrdersRequest { AccountId = "acc-1" }).Orders;
        Assert.Equal(6, orders.Count);
        Assert.All(orders, o => Assert.Equal("load", o.Strategy));
        Assert.True(orders.Count(o => o.Status == OrderStatus.Filled) >= 5);
    }
}
