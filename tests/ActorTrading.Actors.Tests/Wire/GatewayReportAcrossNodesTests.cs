using System.Threading.Channels;
using ActorTrading.Actors.Gateways;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.Model;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Cluster;

namespace ActorTrading.Actors.Tests.Wire;

/// <summary>
/// A gateway on node A reports to an account owned by node B (the account moved while an order was in flight): the report
/// crosses nodes in its wire form and reaches the account activated on B's actor system, equal to what was sent.
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

    private static async Task WaitForMembersAsync(WireNode node, int count)
    {
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        node.Cluster.MemberList.Changed += _ => { if (node.Cluster.MemberList.Members.Count >= count) changed.TrySetResult(); };
        if (node.Cluster.MemberList.Members.Count < count) await changed.Task.WaitAsync(Guard);
    }
}
