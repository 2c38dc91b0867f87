using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.Gateways;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;

namespace ActorTrading.Actors.Tests.Gateways;

/// <summary>
/// A restarted gateway at a broker that does not echo client order ids collects every account's claims first; an
/// account that stays silent past the claims timeout must not have its broker order given to another account's lost
/// order of the same shape.
/// </summary>
public sealed class ClaimsTimeoutTests
{
    private static readonly Runtime.Cluster.ClusterIdentity Gateway = TradingCore.GatewayIdentity("paper");

    /// <summary>acc-b's order O7 (market buy of NSE:TCS, MIS) that never got its broker acknowledgement.</summary>
    internal static BrokerOrder Lost(decimal quantity) => new()
    {
        ClientOrderId = GatewayRouting.BrokerClientId(new AccountId("acc-b"), new OrderId("O7")), Symbol = new SymbolId("NSE:TCS"),
        Side = Side.Buy, Type = OrderType.Market, Product = Product.Mis, Quantity = quantity,
    };

    internal static ReconcileAccount Unacknowledged(BrokerOrder order) =>
        new(new AccountId("acc-b"), [new LocalOrderView(order.ClientOrderId, null, order.Symbol, order.Side, order.Quantity, 0, OrderStatus.Accepted)], [order]);

    /// <summary>acc-a's market order reached the broker as 101 and was acknowledged; then the gateway restarts while
    /// acc-a cannot answer (an append of its is not durable yet), so its claims miss the timeout.</summary>
    private static async Task<(CoreHarness H, PolledFakeBroker Broker)> RestartWithSilentAccountAsync()
    {
        var broker = new PolledFakeBroker();
        IReadOnlyList<AccountId> directory = [];
        var h = new CoreHarness(o => o with { BrokerFactory = _ => broker, AccountDirectory = _ => Task.FromResult(directory) });
        h.CreateAccount("acc-a");
        h.Tick("NSE:TCS", 4000m);
        Assert.Equal(OrderStatus.Accepted, h.Place("a1", "NSE:TCS", Side.Buy, 1, account: "acc-a").Status);
        Assert.Equal("101", Assert.Single(broker.Placed).BrokerOrderId);

        directory = [new AccountId("acc-a")];
        var stopped = h.System.Root.StopAsync(h.Core.Cluster.TryGetActivePid(Gateway)!);
        h.Run();
        await stopped.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        Assert.Null(h.Core.Cluster.TryGetActivePid(Gateway));
        h.Journal.Hold = true;
        _ = h.Request(CoreHarness.PlaceRequest("a2", "NSE:TCS", Side.Buy, 5, account: "acc-a"), "acc-a");
        h.Run();
        Assert.Equal(1, h.Journal.HeldCount);
        return (h, broker);
    }

    [Fact]
    public async Task Reconcile_AccountSilentAtClaimsTimeout_WaitsForItsClaimsInsteadOfTakingItsBrokerOrder()
    {
        var (h, broker) = await RestartWithSilentAccountAsync();
        await using var _ = h;
        var lost = Lost(1);                                                // the shape of acc-a's 101
        h.Core.Cluster.Send(Gateway, Unacknowledged(lost));                // the gateway starts and asks acc-a for its claims
        h.Run();
        h.Advance(TimeSpan.FromSeconds(30));                               // the claims timeout: acc-a has not answered
        Assert.Empty(broker.Adopted);                                      // 101 looks like acc-b's lost order but may be acc-a's
        Assert.DoesNotContain(broker.Placed, p => p.ClientOrderId == lost.ClientOrderId);

        h.Journal.CommitHeld();                                            // acc-a answers: 101 is its own
        h.Run();
        Assert.DoesNotContain(broker.Adopted, a => a.ClientOrderId == lost.ClientOrderId);
        Assert.Single(broker.Placed, p => p.ClientOrderId == lost.ClientOrderId);   // placed once, under its own broker order
    }

    [Fact]
    public async Task Reconcile_AccountSilentButNoOrderOfTheSameShape_ResubmitsAtTheTimeout()
    {
        var (h, broker) = await RestartWithSilentAccountAsync();
        await using var _ = h;
        var lost = Lost(3);                                                // no broker order has this shape
        h.Core.Cluster.Send(Gateway, Unacknowledged(lost));
        h.Run();
        Assert.DoesNotContain(broker.Placed, p => p.ClientOrderId == lost.ClientOrderId);   // held while claims are collected
        h.Advance(TimeSpan.FromSeconds(30));
        Assert.Single(broker.Placed, p => p.ClientOrderId == lost.ClientOrderId);           // nothing to confuse it with: placed
        Assert.Empty(broker.Adopted);
    }

    [Fact]
    public async Task Claims_AccountSilentAtTheTimeout_AskedAgainEveryTimeoutUntilItAnswers()
    {
        var broker = new PolledFakeBroker();
        await using var h = new CoreHarness(o => o with
        {
            BrokerFactory = _ => broker, AccountDirectory = _ => Task.FromResult<IReadOnlyList<AccountId>>([new AccountId("acc-late")]),
        });
        var lost = Lost(1);
        var id = broker.AddToBook(lost);                                   // acc-b's order reached the broker; the answer was lost
        h.Core.Cluster.Send(Gateway, Unacknowledged(lost));                // the gateway starts; acc-late does not exist yet: no answer
        h.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty(broker.Adopted);                                      // 101 could be acc-late's

        h.CreateAccount("acc-late");
        h.Advance(TimeSpan.FromSeconds(30));                               // asked again: it answers (no claims)
        Assert.Equal([(id, lost.ClientOrderId)], broker.Adopted);
        Assert.Empty(broker.Placed);                                       // found, never placed twice
    }
}
