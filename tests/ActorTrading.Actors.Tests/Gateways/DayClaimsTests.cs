using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Gateways;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Tests.Gateways;

/// <summary>
/// A finished order's broker order stays in the broker's book of the day: an account recovered from a snapshot still
/// claims it, so a restarted gateway does not give it to another account's lost order of the same shape.
/// </summary>
public sealed class DayClaimsTests
{
    private static readonly Runtime.Cluster.ClusterIdentity Gateway = TradingCore.GatewayIdentity("paper");

    [Fact]
    public async Task Reconcile_OwnerRecoveredFromSnapshot_StillClaimsItsFinishedOrdersBrokerOrder()
    {
        var broker = new PolledFakeBroker();
        await using var h = new CoreHarness(o => o with
        {
            BrokerFactory = _ => broker, AccountDirectory = _ => Task.FromResult<IReadOnlyList<AccountId>>([new AccountId("acc-a")]),
            AccountIdleTimeout = TimeSpan.FromMinutes(1), SnapshotPolicy = new Ports.SnapshotPolicy(1),
        });
        h.CreateAccount("acc-a");
        h.Tick("NSE:TCS", 4000m);
        var ack = h.Place("a1", "NSE:TCS", Side.Buy, 1, account: "acc-a");
        var (brokerId, cid) = Assert.Single(broker.Placed);
        h.Core.Cluster.Send(CoreHarness.Account("acc-a"), new GatewayReport(new OrderId(ack.OrderId), "paper")
        {
            Execution = new ExecutionReport(cid, brokerId, OrderStatus.Filled, 1, 4000m, 1, 4000m, 0m, h.Clock.GetUtcNow(), TradeId: "t1"),
        });
        h.Run();                                                           // a1 is FILLED: no longer an open order

        h.Advance(TimeSpan.FromMinutes(3));                                // acc-a passivates ...
        Assert.Null(h.Core.Cluster.TryGetActivePid(CoreHarness.Account("acc-a")));
        var stopped = h.System.Root.StopAsync(h.Core.Cluster.TryGetActivePid(Gateway)!);   // ... and the gateway restarts
        h.Run();
        await stopped.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Null(h.Core.Cluster.TryGetActivePid(Gateway));
        var snapshot = await h.Snapshots.LoadLatestAsync("acc-a");
        Assert.Empty(snapshot!.OpenOrders);
        Assert.Equal(brokerId, Assert.Single(snapshot.DayClaims).BrokerOrderId);

        var lost = ClaimsTimeoutTests.Lost(1);                             // the shape of acc-a's order
        h.Core.Cluster.Send(Gateway, ClaimsTimeoutTests.Unacknowledged(lost));
        h.Run();                                                           // acc-a activates from the snapshot and sends its claims
        Assert.DoesNotContain(broker.Adopted, a => a.ClientOrderId == lost.ClientOrderId);
        Assert.Single(broker.Placed, p => p.ClientOrderId == lost.ClientOrderId);   // acc-b's order placed under its own broker order
    }

    [Fact]
    public async Task Reconcile_GatewayRestartsWhileTheOwnerPassivates_OwnerStillAnswersWithItsClaims()
    {
        var broker = new PolledFakeBroker();
        await using var h = new CoreHarness(o => o with
        {
            BrokerFactory = _ => broker, AccountDirectory = _ => Task.FromResult<IReadOnlyList<AccountId>>([new AccountId("acc-a")]),
            AccountIdleTimeout = TimeSpan.FromMinutes(1),
        });
        h.CreateAccount("acc-a");
        h.Tick("NSE:TCS", 4000m);
        h.Place("a1", "NSE:TCS", Side.Buy, 1, account: "acc-a");
        var first = h.Core.Cluster.TryGetActivePid(CoreHarness.Account("acc-a"));
        var stopped = h.System.Root.StopAsync(h.Core.Cluster.TryGetActivePid(Gateway)!);
        h.Advance(TimeSpan.FromMinutes(3));   // the gateway restarts (a tick wakes it) and asks acc-a while acc-a passivates
        await stopped.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotEqual(first, h.Core.Cluster.TryGetActivePid(CoreHarness.Account("acc-a")));   // passivated; the question woke it again
        var brokerId = broker.Placed.Single().BrokerOrderId;
        var lost = ClaimsTimeoutTests.Lost(1);                             // the shape of acc-a's order
        h.Core.Cluster.Send(Gateway, ClaimsTimeoutTests.Unacknowledged(lost));
        h.Run();                              // the question reached acc-a's next activation: no claims timeout needed
        Assert.DoesNotContain(broker.Adopted, a => a.ClientOrderId == lost.ClientOrderId);
        Assert.Single(broker.Placed, p => p.ClientOrderId == lost.ClientOrderId);
    }
}
