using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;

namespace ActorTrading.Actors.Tests.Accounts;

/// <summary>
/// An account's risk and position children are seeded in the turn that spawns them, so the account trades at once: an
/// order right behind CreateAccount, or an order that activates a passivated account, is never refused as "restarting"
/// (CI once saw that race on a node process; here the order reaches the account before either child has run a turn).
/// </summary>
public sealed class ChildrenReadyTests
{
    [Fact]
    public async Task Create_OrderQueuedRightBehindIt_IsAcceptedBeforeTheChildrenRan()
    {
        await using var h = new CoreHarness();
        h.Tick("NSE:TCS", 4000m);
        var created = h.Core.Cluster.RequestAsync<object>(CoreHarness.Account(),
            new CreateAccountRequest { AccountId = "acc-1", DisplayName = "Test", InitialCash = ProtoDecimal.ToProto(1_000_000m) }, CancellationToken.None);
        var placed = h.Core.Cluster.RequestAsync<object>(CoreHarness.Account(), CoreHarness.PlaceRequest("first", "NSE:TCS", Side.Buy, 1), CancellationToken.None);
        h.Run();

        Assert.IsType<Account>(await created.WaitAsync(TimeSpan.FromSeconds(30)));
        var ack = Assert.IsType<OrderAck>(await placed.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(OrderStatus.Accepted, ack.Status);
    }

    [Fact]
    public async Task Activation_ByAnOrder_IsAcceptedAndThePositionChildWatchesTheRecoveredPosition()
    {
        await using var h = new CoreHarness(o => o with { AccountIdleTimeout = TimeSpan.FromMinutes(1) });
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        h.Place("bracket", "NSE:TCS", Side.Buy, 10, stopLoss: 3950m, takeProfit: 4200m);
        h.Tick("NSE:TCS", 4000m);
        h.Advance(TimeSpan.FromMinutes(3));
        Assert.Null(h.Core.Cluster.TryGetActivePid(CoreHarness.Account()));

        var placed = h.Core.Cluster.RequestAsync<object>(CoreHarness.Account(), CoreHarness.PlaceRequest("wakes", "NSE:TCS", Side.Buy, 1), CancellationToken.None);
        h.Run();
        var ack = Assert.IsType<OrderAck>(await placed.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(OrderStatus.Accepted, ack.Status);

        h.Tick("NSE:TCS", 3940m);
        h.Tick("NSE:TCS", 3940m);
        var after = h.Ask<PortfolioSnapshot>(CoreHarness.Account(), new GetPortfolioRequest { AccountId = "acc-1" });
        Assert.Empty(after.Positions);                               // the recovered bracket's stop closed the position
        Assert.True(ProtoDecimal.FromProto(after.RealizedPnl) < 0);
    }

    [Fact]
    public async Task SendSignal_WithoutPriceRightBehindStartStrategy_IsValuedAtTheNodesLastTick()
    {
        await using var h = new CoreHarness();
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        var start = new StartStrategyRequest { AccountId = "acc-1", Type = "signal_follower", InstanceName = "tv", Symbols = { "NSE:TCS" } };
        var started = h.Core.Cluster.RequestAsync<object>(CoreHarness.Account(), start, CancellationToken.None);
        var signal = h.Core.Cluster.RequestAsync<object>(CoreHarness.Account(),
            new SendSignalRequest { AccountId = "acc-1", InstanceName = "tv", Symbol = "NSE:TCS", Action = Side.Buy, Quantity = ProtoDecimal.ToProto(1m) },
            CancellationToken.None);
        h.Run();   // the signal reaches the new strategy before the symbol actor's answer to its subscription does

        Assert.IsType<StrategyInstance>(await started.WaitAsync(TimeSpan.FromSeconds(30)));
        var ack = Assert.IsType<OrderAck>(await signal.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(OrderStatus.Accepted, ack.Status);
    }
}
