using System.Threading.Channels;
using ActorTrading.Actors.Diagnostics;
using ActorTrading.Actors.Hosting;
using ActorTrading.Actors.InMemory;
using ActorTrading.Actors.Model;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Cluster;

namespace ActorTrading.Actors.Tests.Wire;

/// <summary>
/// An API stream's subscriber lives on the node that serves the call, the account on its owner. When the stream ends the
/// account on the other node drops the subscriber — whether the subscriber unsubscribes over remoting or simply stops
/// (the account watches it across nodes) — so a cancelled stream costs the account nothing afterwards.
/// </summary>
public sealed class RemoteSubscriptionTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private sealed class Subscriber(ChannelWriter<object> seen) : IActor
    {
        public Task ReceiveAsync(IContext context)
        {
            if (context.Message is SubscriptionConfirmed or OrderEvent) seen.TryWrite(context.Message);
            return Task.CompletedTask;
        }
    }

    private static async Task<int> CountAsync(CoreWireNode owner, ClusterIdentity account) =>
        (await owner.Cluster.RequestAsync<SubscriberCount>(account, CountSubscribers.Instance, Guard)).Count;

    /// <summary>Asks the owner until the account holds <paramref name="expected"/> subscribers, failing after the guard.</summary>
    private static async Task CountReaches(CoreWireNode owner, ClusterIdentity account, int expected)
    {
        using var guard = new CancellationTokenSource(Guard);
        int count;
        while ((count = await CountAsync(owner, account)) != expected)
        {
            Assert.False(guard.IsCancellationRequested, $"the account still holds {count} subscribers, expected {expected}");
            await Task.Yield();
        }
    }

    private static async Task<(PID Pid, Channel<object> Seen)> SubscribeAsync(CoreWireNode node, ClusterIdentity account)
    {
        var seen = Channel.CreateUnbounded<object>();
        var pid = node.System.Root.Spawn(Props.FromProducer(() => new Subscriber(seen.Writer)));
        node.Cluster.Request(account, new SubscribeAccountEvents { OrderEvents = true }, pid);
        Assert.IsType<SubscriptionConfirmed>(await seen.Reader.ReadAsync().AsTask().WaitAsync(Guard));
        return (pid, seen);
    }

    [Fact]
    public async Task SubscriberOnAnotherNode_UnsubscribesOrStops_AccountOnItsOwnerDropsIt()
    {
        var membership = new InProcessMembershipProvider();
        await using var a = await CoreWireNode.StartAsync("a", "b", membership, new InMemoryAccountJournal());
        await using var b = await CoreWireNode.StartAsync("b", "b", membership, new InMemoryAccountJournal());
        foreach (var node in new[] { a, b })
        {
            var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            node.Cluster.MemberList.Changed += _ => { if (node.Cluster.MemberList.Members.Count >= 2) changed.TrySetResult(); };
            if (node.Cluster.MemberList.Members.Count < 2) await changed.Task.WaitAsync(Guard);
        }
        var account = TradingCore.AccountIdentity("acc-streams");
        await a.Cluster.RequestAsync<Account>(account,
            new CreateAccountRequest { AccountId = "acc-streams", DisplayName = "streams", InitialCash = ProtoDecimal.ToProto(1_000_000m) }, Guard);

        var (unsubscribing, seen) = await SubscribeAsync(a, account);
        var (stopping, _) = await SubscribeAsync(a, account);
        Assert.Equal(2, await CountAsync(b, account));

        a.Cluster.Request(account, new UnsubscribeAccountEvents(), unsubscribing);     // what a stream does when its call ends
        Assert.IsType<SubscriptionConfirmed>(await seen.Reader.ReadAsync().AsTask().WaitAsync(Guard));
        Assert.Equal(1, await CountAsync(b, account));

        await a.System.Root.StopAsync(stopping);                                          // and a subscriber that just stops
        await CountReaches(b, account, 0);
    }
}
