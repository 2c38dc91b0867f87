using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Gateways;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Tests.Gateways;

/// <summary>
/// Attribution by shape at a broker that does not echo client order ids (OpenAlgo): one broker order belongs to exactly
/// one of our orders, also while a placement of the same shape is in flight.
/// </summary>
public sealed class ReconcileAttributionTests
{
    private static readonly Runtime.Cluster.ClusterIdentity Gateway = TradingCore.GatewayIdentity("paper");

    private static BrokerOrder Order(string account, string orderId, decimal quantity = 1) => new()
    {
        ClientOrderId = GatewayRouting.BrokerClientId(new AccountId(account), new OrderId(orderId)), Symbol = new SymbolId("NSE:TCS"),
        Side = Side.Buy, Type = OrderType.Market, Quantity = quantity,
    };

    private static ReconcileAccount Unacknowledged(string account, BrokerOrder order) =>
        new(new AccountId(account), [new LocalOrderView(order.ClientOrderId, null, order.Symbol, order.Side, order.Quantity, 0, OrderStatus.Accepted)], [order]);

    [Fact]
    public async Task Reconcile_PlacementOfSameShapeInFlight_WaitsAndResubmitsInsteadOfTakingItsBrokerOrder()
    {
        var broker = new PolledFakeBroker { HoldAnswers = true };
        await using var h = new CoreHarness(o => o with { BrokerFactory = _ => broker });
        var placing = Order("acc-a", "O1");
        var lost = Order("acc-b", "O7");   // accepted before a crash, never reached the broker
        h.Core.Cluster.Send(Gateway, new SubmitOrder(new AccountId("acc-a"), new OrderId("O1"), placing));
        h.Run();
        Assert.Equal([("101", placing.ClientOrderId)], broker.Placed);   // at the broker; its answer is still in flight

        h.Core.Cluster.Send(Gateway, Unacknowledged("acc-b", lost));
        h.Run();
        Assert.Empty(broker.Adopted);                                    // 101 looks like acc-b's order but may be acc-a's

        broker.HoldAnswers = false;
        broker.Answer();
        h.Run();
        Assert.DoesNotContain(broker.Adopted, a => a.BrokerOrderId == "101");
        Assert.Equal([("101", placing.ClientOrderId), ("102", lost.ClientOrderId)], broker.Placed);   // acc-b's order placed once, under its own broker order
    }

    [Fact]
    public async Task Reconcile_NoPlacementInFlight_AttributesTheLostOrderWithoutResubmitting()
    {
        var broker = new PolledFakeBroker();
        await using var h = new CoreHarness(o => o with { BrokerFactory = _ => broker });
        var lost = Order("acc-b", "O7");
        var id = broker.AddToBook(lost);   // reached the broker before the crash; the answer was lost
        h.Core.Cluster.Send(Gateway, Unacknowledged("acc-b", lost));
        h.Run();
        Assert.Equal([(id, lost.ClientOrderId)], broker.Adopted);
        Assert.Empty(broker.Placed);
    }

    [Fact]
    public async Task Reconcile_PlacementOfOtherShapeInFlight_AttributesAtOnce()
    {
        var broker = new PolledFakeBroker { HoldAnswers = true };
        await using var h = new CoreHarness(o => o with { BrokerFactory = _ => broker });
        var lost = Order("acc-b", "O7");
        var id = broker.AddToBook(lost);
        h.Core.Cluster.Send(Gateway, new SubmitOrder(new AccountId("acc-a"), new OrderId("O1"), Order("acc-a", "O1", quantity: 5)));
        h.Run();
        h.Core.Cluster.Send(Gateway, Unacknowledged("acc-b", lost));
        h.Run();
        Assert.Equal([(id, lost.ClientOrderId)], broker.Adopted);
        Assert.Single(broker.Placed);
    }


    [Fact]
    public async Task VerifyBeforeRetry_OtherPlacementOfSameShapeInFlight_FindsItsOwnBrokerOrderOnceThatSettled()
    {
        var broker = new PolledFakeBroker { HoldAnswers = true };
        await using var h = new CoreHarness(o => o with { BrokerFactory = _ => broker });
        var first = Order("acc-a", "O1");
        var timedOut = Order("acc-b", "O2");
        h.Core.Cluster.Send(Gateway, new SubmitOrder(new AccountId("acc-a"), new OrderId("O1"), first));
        h.Run();
        broker.LoseAnswers = 1;
        h.Core.Cluster.Send(Gateway, new SubmitOrder(new AccountId("acc-b"), new OrderId("O2"), timedOut));
        h.Run();                                                          // 102 reached the broker, the gateway saw a timeout
        Assert.Empty(broker.Adopted);                                     // 101 (first's, answer in flight) is not taken for it

        broker.HoldAnswers = false;
        broker.Answer();
        h.Run();
        h.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal([("102", timedOut.ClientOrderId)], broker.Adopted);
        Assert.Equal(2, broker.Placed.Count);                             // found, not placed a second time
    }

    [Fact]
    public async Task VerifyBeforeRetry_TwoTimedOutPlacementsOfSameShape_EachFindsOneBrokerOrder()
    {
        var broker = new PolledFakeBroker();
        await using var h = new CoreHarness(o => o with { BrokerFactory = _ => broker });
        var first = Order("acc-a", "O1");
        var second = Order("acc-b", "O2");
        broker.LoseAnswers = 2;   // both lost: the gateway sees two timeouts, the broker has both
        h.Core.Cluster.Send(Gateway, new SubmitOrder(new AccountId("acc-a"), new OrderId("O1"), first));
        h.Core.Cluster.Send(Gateway, new SubmitOrder(new AccountId("acc-b"), new OrderId("O2"), second));
        for (var i = 0; i < 3; i++) h.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, broker.Placed.Count);                                             // none placed again
        Assert.Equal(["101", "102"], broker.Adopted.Select(a => a.BrokerOrderId).Order());  // one broker order each
        Assert.Equal(2, broker.Adopted.Select(a => a.ClientOrderId).Distinct().Count());
    }

    [Fact]
    public async Task Reconcile_AccountNamesABrokerOrderOfAnotherOrder_NeitherAdoptedNorReportedForIt()
    {
        var broker = new PolledFakeBroker();
        await using var h = new CoreHarness(o => o with { BrokerFactory = _ => broker });
        var owner = Order("acc-a", "O1");
        h.Core.Cluster.Send(Gateway, new SubmitOrder(new AccountId("acc-a"), new OrderId("O1"), owner));
        h.Run();                                                          // placed and acknowledged: 101 is acc-a's O1
        var other = Order("acc-b", "O7");
        var claim = new ReconcileAccount(new AccountId("acc-b"),
            [new LocalOrderView(other.ClientOrderId, "101", other.Symbol, other.Side, other.Quantity, 0, OrderStatus.Accepted)], [other]);
        h.Core.Cluster.Send(Gateway, claim);                              // an account whose state names 101 for its own order
        h.Run();
        Assert.DoesNotContain(broker.Adopted, a => a.ClientOrderId == other.ClientOrderId);   // its polls would report 101's fills to acc-b
        Assert.Single(broker.Placed);
    }
}
