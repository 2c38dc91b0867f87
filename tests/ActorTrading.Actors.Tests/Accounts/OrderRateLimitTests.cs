using ActorTrading.Actors.Accounts;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;
using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;
using ActorTrading.Events.V1;

namespace ActorTrading.Actors.Tests.Accounts;

/// <summary>The per-account order rate is part of the journaled limits: node default for new accounts, settable, recovered.</summary>
public sealed class OrderRateLimitTests
{
    private static OrderRateLimitSettings Rate(CoreHarness h) =>
        h.Ask<OrderRateLimitSettings>(CoreHarness.Account(), new GetOrderRateLimit { AccountId = "acc-1" });

    private static CoreHarness Harness(int perSecond, int burst, int snapshotEvery = 1_000_000) => new(o => o with
    {
        DefaultLimits = RiskSettings.Default with { MaxTradesPerDay = 50, OrdersPerSecond = perSecond, OrderBurst = burst },
        AccountIdleTimeout = TimeSpan.FromMinutes(1), SnapshotPolicy = new Ports.SnapshotPolicy(snapshotEvery),
    });

    private static void Passivate(CoreHarness h)
    {
        h.Advance(TimeSpan.FromMinutes(3));
        Assert.Null(h.Core.Cluster.TryGetActivePid(CoreHarness.Account()));
    }

    [Fact]
    public async Task CreateAccount_NodeDefaultRate_JournaledAndEnforced()
    {
        await using var h = Harness(2, 2);
        h.CreateAccount();
        Assert.Equal(2, Rate(h).OrdersPerSecond);
        var opened = new List<AccountEvent>();
        await foreach (var e in h.Journal.LoadAsync("acc-1", 0)) opened.Add(e.Event);
        Assert.Equal(2, opened[0].AccountOpened.OrderRate.OrdersPerSecond);
        h.Tick("NSE:TCS", 4000m);
        Assert.Equal(OrderStatus.Accepted, h.Place("a", "NSE:TCS", Side.Buy, 1, OrderType.Limit, 3900m).Status);
        Assert.Equal(OrderStatus.Accepted, h.Place("b", "NSE:TCS", Side.Buy, 1, OrderType.Limit, 3900m).Status);
        var third = h.Place("c", "NSE:TCS", Side.Buy, 1, OrderType.Limit, 3900m);
        Assert.Equal(DenialReason.RateLimit, third.DenialReason);
        Assert.Contains("order rate limit 2/s (burst 2)", third.Message);
    }

    [Theory]
    [InlineData(1_000_000)]
    [InlineData(1)]
    public async Task UpdateOrderRateLimit_SurvivesRecovery(int snapshotEvery)
    {
        await using var h = Harness(10, 10, snapshotEvery);
        h.CreateAccount();
        var set = h.Ask<OrderRateLimitSettings>(CoreHarness.Account(), new UpdateOrderRateLimit { AccountId = "acc-1", OrdersPerSecond = 1 });
        Assert.Equal((1, 1), (set.OrdersPerSecond, set.Burst));
        h.Ask<RiskLimits>(CoreHarness.Account(), new UpdateRiskLimitsRequest { AccountId = "acc-1", Limits = new RiskLimits { MaxOpenPositions = 2 } });
        Passivate(h);
        Assert.Equal((1, 1), (Rate(h).OrdersPerSecond, Rate(h).Burst));
        h.Tick("NSE:TCS", 4000m);
        Assert.Equal(OrderStatus.Accepted, h.Place("a", "NSE:TCS", Side.Buy, 1, OrderType.Limit, 3900m).Status);
        Assert.Equal(DenialReason.RateLimit, h.Place("b", "NSE:TCS", Side.Buy, 1, OrderType.Limit, 3900m).DenialReason);
        h.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(OrderStatus.Accepted, h.Place("c", "NSE:TCS", Side.Buy, 1, OrderType.Limit, 3900m).Status);
    }

    [Theory]
    [InlineData(0, 0, "orders_per_second")]
    [InlineData(5, -1, "burst")]
    public async Task UpdateOrderRateLimit_Invalid_InvalidArgumentNamingTheField(int perSecond, int burst, string field)
    {
        await using var h = Harness(10, 10);
        h.CreateAccount();
        var failed = h.Ask<CommandFailed>(CoreHarness.Account(), new UpdateOrderRateLimit { AccountId = "acc-1", OrdersPerSecond = perSecond, Burst = burst });
        Assert.Equal(FailureCode.InvalidArgument, failed.Code);
        Assert.Equal(field, failed.Field);
        Assert.Equal(10, Rate(h).OrdersPerSecond);
    }

    [Fact]
    public void Apply_OldEventsWithoutRate_TakeTheNodeDefault()
    {
        var state = new AccountState(new AccountId("acc-1"), _ => "2026-01-05", RiskSettings.Default with { OrdersPerSecond = 7, OrderBurst = 14 });
        state.Apply(new AccountEvent { AccountOpened = new AccountOpened { AccountId = "acc-1", InitialCash = ProtoDecimal.ToProto(1000m) } }, 1);
        Assert.Equal((7, 14), (state.Limits.OrdersPerSecond, state.Limits.OrderBurst));
        state.Apply(new AccountEvent { RiskLimitsChanged = new RiskLimitsChanged { Limits = new RiskLimits(), OrderRate = new OrderRateLimit { OrdersPerSecond = 3, Burst = 4 } } }, 2);
        state.Apply(new AccountEvent { RiskLimitsChanged = new RiskLimitsChanged { Limits = new RiskLimits { MaxOpenPositions = 1 } } }, 3);
        Assert.Equal((3, 4), (state.Limits.OrdersPerSecond, state.Limits.OrderBurst));
        var restored = new AccountState(new AccountId("acc-1"), _ => "2026-01-05");
        restored.Restore(state.ToSnapshot(DateTimeOffset.UnixEpoch));
        Assert.Equal((3, 4), (restored.Limits.OrdersPerSecond, restored.Limits.OrderBurst));
    }

    [Fact]
    public async Task SendSignal_NoPriceKnown_InvalidArgumentNamingPrice()
    {
        await using var h = Harness(10, 10);
        h.CreateAccount();
        var start = new StartStrategyRequest { AccountId = "acc-1", Type = "signal_follower", InstanceName = "tv" };
        start.Symbols.Add("NSE:INFY");
        h.Ask<StrategyInstance>(CoreHarness.Account(), start);
        var failed = h.Ask<CommandFailed>(CoreHarness.Account(), new SendSignalRequest { AccountId = "acc-1", InstanceName = "tv", Symbol = "NSE:INFY", Action = Side.Buy });
        Assert.Equal(FailureCode.InvalidArgument, failed.Code);
        Assert.Equal("price", failed.Field);
    }
}
