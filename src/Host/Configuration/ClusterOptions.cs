namespace ActorTrading.Host.Configuration;

/// <summary>
/// Section <c>Node:Cluster</c>. Cluster mode is on when <see cref="Advertise"/> is set: the node joins the members listed in
/// Redis and serves remoting on its gRPC port; accounts are spread over the members (rendezvous hashing), while each node
/// keeps its own symbol actors (fed by its own feed) and its own broker gateway.
/// </summary>
public sealed class ClusterOptions
{
    /// <summary><c>host:port</c> other nodes dial to reach this node's gRPC port (e.g. <c>10.0.0.5:5000</c>, <c>node2:5000</c>). Empty: single node.</summary>
    public string Advertise { get; set; } = "";

    /// <summary>Nodes with the same name (and Redis) form one cluster.</summary>
    public string Name { get; set; } = "actortrading";

    /// <summary>A member whose heartbeat is missing this long drops out; its accounts move to the others.</summary>
    public TimeSpan MembershipTtl { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a member renews its key and reads the member list (at most half the TTL).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The secret nodes present to each other on the remoting stream (the same on every node, at least 16 characters).
    /// Only it opens <c>actortrading.cluster.v1.Remoting/Connect</c>; it is not an API key. Empty: the node's admin key
    /// (<c>Node:AdminKey</c>) serves as the secret — never a stored API key, not even an admin one.
    /// </summary>
    public string Secret { get; set; } = "";

    public bool Enabled => Advertise.Length > 0;
}
