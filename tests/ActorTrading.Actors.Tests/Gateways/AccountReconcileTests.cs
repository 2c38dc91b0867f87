using ActorTrading.Actors.Gateways;
using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Tests.Gateways;

/// <summary>What an account tells a gateway that asks for its working orders (after the gateway restarted).</summary>
public sealed class AccountReconcileTests
{
    [Fact]
    public async Task ReconcileRequested_OrderNotDurableYet_ListedOnlyOnceItWasSentToTheGateway()
    {
        var broker = new PolledFakeBroker();
        await using var h = new CoreHarness(o => o with { BrokerFactory = _ => broker });
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        h.Journal.Hold = true;
        var reply = h.Core.Cluster.RequestAsync<object>(CoreHarness.Account(), CoreHarness.PlaceRequest("c1", "NSE:TCS", Side.Buy, 1), CancellationToken.None);
        h.Run();
        Assert.Equal(1, h.Journal.HeldCount);                            // accepted (staged), not durable: not sent to the gateway
        h.Core.Cluster.Send(CoreHarness.Account(), new ReconcileRequested("paper"));
        h.Run();
        Assert.Empty(broker.Placed);                                     // the gateway did not take it for an order lost in a crash

        h.Journal.CommitHeld();
        h.Run();
        Assert.Equal(OrderStatus.Accepted, Assert.IsType<OrderAck>(await reply.WaitAsync(TimeSpan.FromSeconds(30))).Status);
        Assert.Single(broker.Placed);                                    // placed once, after it was durable
    }

    [Fact]
    public async Task ReconcileRequested_AppendFails_OrderThatNeverBecameDurableNeverLeaves()
    {
        var broker = new PolledFakeBroker();
        await using var h = new CoreHarness(o => o with { BrokerFactory = _ => broker });
        h.CreateAccount();
        h.Tick("NSE:TCS", 4000m);
        h.Journal.Hold = true;
        var reply = h.Core.Cluster.RequestAsync<object>(CoreHarness.Account(), CoreHarness.PlaceRequest("c1", "NSE:TCS", Side.Buy, 1), CancellationToken.None);
        h.Run();
        h.Core.Cluster.Send(CoreHarness.Account(), new ReconcileRequested("paper"));
        h.Run();
        h.Journal.FailHeld();
        h.Run();
        Assert.IsType<Cluster.V1.CommandFailed>(await reply.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Empty(broker.Placed);                                     // the order that never became durable never left
    }
}
