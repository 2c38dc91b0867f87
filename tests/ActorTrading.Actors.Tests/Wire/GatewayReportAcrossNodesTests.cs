using System.Threading.Channels;
using ActorTrading.Actors.Gateways;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Brokers;
using ActorTrading.Actors.InMemory;
using ActorTrading.Actors.Model;
using ActorTrading.Actors.Tests.Hosting;
using ActorTrading.Api.V1;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Cluster;

namespace ActorTrading.Actors.Tests.Wire;

/// <summary>
/// A gateway on node A reports to an account owned by node B (the account moved while an order was in flight): the report
/// crosses nodes in its wire form and reaches the account activated on B's actor system, equal to what was sent; and a
/// real account on B applies a fill reported from A to the order it placed through B's gateway.
/// </summary>
public sealed class GatewayReportAcrossNodesTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    /// <summary>Stands in for the account: hands over what a gateway sent it, with the system it was activated on.</summary>
    private sealed class AccountProbe(ChannelWriter<(string System, object Message)> seen) : IActor
    {
        public Task ReceiveAsync(IContext context)
        {
            if (context.Message is GatewayReport or ReconcileRequested) seen.TryWrite((context.System.Address, context.Message));
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task ClusterSend_ReportToAccountOwnedByTheOtherNode_ReachesItThereEqual()
    {
        var seen = Channel.CreateUnbounded<(string System, object Message)>();
        var membership = new InProcessMembershipProvider();
        await using var a = await WireNode.StartAsync("a", "b", membership, () => new AccountProbe(seen.Writer));
        await using var b = await WireNode.StartAsync("b", "b", membership, () => new AccountProbe(seen.Writer));
        var account = TradingCore.AccountIdentity("acc-remote");
        var report = new GatewayReport(new OrderId("o-1"), "paper") { Execution = GatewayWireSerializerTests.Fill(), BrokerOrderId = "B-77" };
        await WaitForMembersAsync(a, 2);

        a.Cluster.Send(account, report);
        a.Cluster.Send(account, new ReconcileRequested("paper"));

        var first = await seen.Reader.ReadAsync().AsTask().WaitAsync(Guard);
        var second = await seen.Reader.ReadAsync().AsTask().WaitAsync(Guard);
        Assert.Equal(b.System.Address, first.System);
        Assert.Equal(report, first.Message);
        Assert.Equal(new ReconcileRequested("paper"), second.Message);
        Assert.NotNull(b.Cluster.TryGetActivePid(account));
        Assert.Null(a.Cluster.TryGetActivePid(account));
    }

    [Fact]
    public async Task ClusterSend_FillFromTheOtherNode_RealAccountOnItsOwnerAppliesIt()
    {
        var membership = new InProcessMembershipProvider();
        var journal = new InMemoryAccountJournal();
        await using var a = await CoreWireNode.StartAsync("a", "b", membership, journal);
        await using var b = await CoreWireNode.StartAsync("b", "b", membership, journal);
        await WaitForMembersAsync(a.Cluster, 2);
        await WaitForMembersAsync(b.Cluster, 2);
        var account = TradingCore.AccountIdentity("acc-wire");
        await a.Cluster.RequestAsync<Account>(account,
            new CreateAccountRequest { AccountId = "acc-wire", DisplayName = "wire", InitialCash = ProtoDecimal.ToProto(1_000_000m) }, Guard);
        var tcs = TradingCore.SymbolIdentity("NSE:TCS");
        b.Cluster.Send(tcs, new MarketTick(new SymbolId("NSE:TCS"), 3999.95m, 4000.05m, 4000m, 100_000, DateTimeOffset.UtcNow, 1));
        await b.Cluster.RequestAsync<Tick>(tcs, new GetQuoteRequest { Symbol = "NSE:TCS" }, Guard);   // the tick is in (same mailbox)

        var ack = await a.Cluster.RequestAsync<OrderAck>(account, CoreHarness.PlaceRequest("lim-1", "NSE:TCS", Side.Buy, 10, OrderType.Limit, 3900m, "acc-wire"), Guard);
        Assert.True(ack.Status == OrderStatus.Accepted, ack.ToString());
        await OrderReachesAsync(a, ack.OrderId, OrderStatus.Open);                   // resting at B's broker
        var resting = Assert.Single((await b.Paper.GetOpenOrdersAsync()).Value!);

        a.Cluster.Send(account, new GatewayReport(new OrderId(ack.OrderId), "paper")
        {
            BrokerOrderId = resting.BrokerOrderId,
            Execution = new ExecutionReport(resting.ClientOrderId!.Value, resting.BrokerOrderId, OrderStatus.Filled, 10m, 3900m, 10m, 3900m, 0m,
                DateTimeOffset.UtcNow, "filled (reported from node a)", "T-A-1"),
        });
        var filled = await OrderReachesAsync(a, ack.OrderId, OrderStatus.Filled);

        Assert.Equal(10m, ProtoDecimal.FromProto(filled.FilledQuantity));
        var portfolio = await b.Cluster.RequestAsync<PortfolioSnapshot>(account, new GetPortfolioRequest { AccountId = "acc-wire" }, Guard);
        Assert.Equal(10m, ProtoDecimal.FromProto(Assert.Single(portfolio.Positions).Quantity));
        Assert.NotNull(b.Cluster.TryGetActivePid(account));
        Assert.Null(a.Cluster.TryGetActivePid(account));
    }

    /// <summary>Asks through <paramref name="node"/> until the order has <paramref name="status"/> (each ask a real
    /// round trip over remoting), failing after the guard.</summary>
    private static async Task<Order> OrderReachesAsync(CoreWireNode node, string orderId, OrderStatus status)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (true)
        {
            var order = await node.Cluster.RequestAsync<Order>(TradingCore.AccountIdentity("acc-wire"),
                new GetOrderRequest { AccountId = "acc-wire", OrderId = orderId }, Guard);
            if (order.Status == status) return order;
            Assert.False(guard.IsCancellationRequested, $"order {orderId} is {order.Status}, expected {status}");
            await Task.Yield();
        }
    }

    private static Task WaitForMembersAsync(WireNode node, int count) => WaitForMembersAsync(node.Cluster, count);

    private static async Task WaitForMembersAsync(Runtime.Cluster.Cluster cluster, int count)
    {
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.MemberList.Changed += _ => { if (cluster.MemberList.Members.Count >= count) changed.TrySetResult(); };
        if (cluster.MemberList.Members.Count < count) await changed.Task.WaitAsync(Guard);
    }
}
