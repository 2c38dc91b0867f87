using ActorTrading.Runtime.Cluster;

namespace ActorTrading.Runtime.Tests.Cluster;

public sealed class RendezvousPlacementTests
{
    private static readonly ClusterIdentity[] Identities =
        Enumerable.Range(0, 2000).Select(i => new ClusterIdentity("account", "ACC-" + i)).ToArray();

    private static Member[] Members(int n) => Enumerable.Range(0, n).Select(i => new Member("node-" + i, "addr-" + i)).ToArray();

    [Fact]
    public void Place_SameInputs_SameMemberRegardlessOfListOrder()
    {
        var members = Members(4);
        var reversed = members.Reverse().ToArray();
        foreach (var id in Identities.Take(200))
            Assert.Equal(RendezvousPlacementStrategy.Instance.Place(id, members), RendezvousPlacementStrategy.Instance.Place(id, reversed));
    }

    [Fact]
    public void Place_ManyIdentities_SpreadOverMembers()
    {
        var members = Members(4);
        var counts = Identities.GroupBy(id => RendezvousPlacementStrategy.Instance.Place(id, members).Id).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(4, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 350, 650));
    }

    [Fact]
    public void Place_MemberLeaves_OnlyItsIdentitiesMove()
    {
        var members = Members(4);
        var fewer = members.Where(m => m.Id != "node-2").ToArray();
        foreach (var id in Identities)
        {
            var before = RendezvousPlacementStrategy.Instance.Place(id, members);
            var after = RendezvousPlacementStrategy.Instance.Place(id, fewer);
            if (before.Id != "node-2") Assert.Equal(before, after);
        }
    }

    [Fact]
    public void Place_NoMembers_Throws() =>
        Assert.Throws<InvalidOperationException>(() => RendezvousPlacementStrategy.Instance.Place(Identities[0], []));
}
