using ActorTrading.Runtime.Cluster;
using ActorTrading.Runtime.Future;
using ActorTrading.Runtime.Remote;
using Google.Protobuf.WellKnownTypes;

namespace ActorTrading.Runtime.Tests.Remote;

/// <summary>Two clusters in this process (shared in-process membership) on real gRPC: forwarding, moves, not-owner retries.</summary>
public sealed class ClusterRemoteTests
{
    private static StringValue Text(string value) => new() { Value = value };

    /// <summary>An identity that rendezvous hashing places on <paramref name="owner"/> when both members are live.</summary>
    private static ClusterIdentity PlacedOn(string owner, string other)
    {
        Member[] members = [new(owner, "x:1"), new(other, "y:1")];
        for (var i = 0; ; i++)
        {
            var id = new ClusterIdentity("echo", "id-" + i);
            if (RendezvousPlacementStrategy.Instance.Place(id, members).Id == owner) return id;
        }
    }

    [Fact]
    public async Task RequestAsync_IdentityOwnedByTheOtherNode_IsAnsweredByTheOwner()
    {
        var membership = new InProcessMembershipProvider();
        await using var a = await RemoteNode.StartAsync("a", membership);
        await using var b = await RemoteNode.StartAsync("b", membership);
        var onB = PlacedOn("b", "a");
        var onA = PlacedOn("a", "b");

        var remote = await a.Cluster!.RequestAsync<StringValue>(onB, Text("hi"), CancellationToken.None).Guarded();
        var local = await b.Cluster!.RequestAsync<StringValue>(onA, Text("hi"), CancellationToken.None).Guarded();

        Assert.Equal(b.Address + ":hi", remote.Value);
        Assert.Equal(a.Address + ":hi", local.Value);
        Assert.NotNull(b.Cluster.TryGetActivePid(onB));
        Assert.Null(a.Cluster.TryGetActivePid(onB));
    }

    [Fact]
    public async Task MemberJoins_IdentityMovesToIt_PassivatesOnTheOldOwnerAndActivatesOnTheNew()
    {
        var membership = new InProcessMembershipProvider();
        await using var a = await RemoteNode.StartAsync("a", membership);
        var moving = PlacedOn("b", "a");
        Assert.Equal(a.Address + ":1", (await a.Cluster!.RequestAsync<StringValue>(moving, Text("1"), CancellationToken.None).Guarded()).Value);
        var terminated = Requests.WatchFuture(a.System, a.Cluster.TryGetActivePid(moving)!);

        await using var b = await RemoteNode.StartAsync("b", membership);

        await terminated.Guarded();
        Assert.Equal(b.Address + ":2", (await a.Cluster.RequestAsync<StringValue>(moving, Text("2"), CancellationToken.None).Guarded()).Value);
        Assert.NotNull(b.Cluster!.TryGetActivePid(moving));
    }

    [Fact]
    public async Task MemberLeaves_ItsIdentitiesActivateOnTheSurvivor()
    {
        var membership = new InProcessMembershipProvider();
        await using var a = await RemoteNode.StartAsync("a", membership);
        var b = await RemoteNode.StartAsync("b", membership);
        var onB = PlacedOn("b", "a");
        Assert.Equal(b.Address + ":1", (await a.Cluster!.RequestAsync<StringValue>(onB, Text("1"), CancellationToken.None).Guarded()).Value);

        await b.DisposeAsync();

        Assert.Equal(a.Address + ":2", (await a.Cluster.RequestAsync<StringValue>(onB, Text("2"), CancellationToken.None).Guarded()).Value);
    }

    [Fact]
    public async Task RequestAsync_NodesDisagreeAboutTheOwner_RetriesBoundedThenFailsUnavailable()
    {
        var membership = new InProcessMembershipProvider();
        await using var a = await RemoteNode.StartAsync("a", membership, new FixedPlacement("b"));
        await using var b = await RemoteNode.StartAsync("b", membership, new FixedPlacement("a"));

        var failure = await Assert.ThrowsAsync<RemoteUnavailableException>(() =>
            a.Cluster!.RequestAsync<StringValue>(new ClusterIdentity("echo", "x"), Text("hi"), CancellationToken.None).Guarded());

        Assert.Contains("moving", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, b.Cluster!.ActivationCount);
    }
}
