using ActorTrading.Actors.Gateways;
using ActorTrading.Api.V1;
using ActorTrading.Cluster.V1;
using ActorTrading.Host.Configuration;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Cluster;
using ActorTrading.Runtime.Remote;
using ActorTrading.Storage.Redis;

namespace ActorTrading.Host.Composition;

/// <summary>
/// Cluster mode (<c>Node:Cluster:Advertise</c> set): remoting with the API and cluster protocol messages registered,
/// membership in Redis, and the kinds split into placed ones (<c>account</c>: one owner in the cluster, reached over
/// remoting) and node-local ones (<c>symbol</c>, <c>gateway</c>: every node has its own, fed by its own feed and its own
/// broker connection, because ticks must not cross nodes per subscriber). What a gateway sends an account by identity (reports,
/// reconcile requests) may cross nodes: <see cref="GatewayWireSerializer"/> gives it a wire form.
/// </summary>
public static class ClusterWiring
{
    public static readonly string[] NodeLocalKinds = ["symbol", "gateway"];

    /// <summary>The actor system's address: the advertised host:port in cluster mode, the node id otherwise.</summary>
    public static string SystemAddress(NodeOptions options) => options.Cluster.Enabled ? options.Cluster.Advertise : options.NodeId;

    public static SerializerRegistry Serialization() => new SerializerRegistry(
        AccountsReflection.Descriptor, OrdersReflection.Descriptor, PortfolioReflection.Descriptor, MarketDataReflection.Descriptor,
        StrategiesReflection.Descriptor, ClusterReflection.Descriptor, CommonReflection.Descriptor, AccountProtocolReflection.Descriptor)
        .Add(GatewayWireSerializer.Instance);

    public static Remote CreateRemote(ActorSystem system, NodeOptions options) =>
        new(system, new RemoteConfig(options.NodeId, Serialization()) { BearerToken = Security.ClusterSecret.Of(options) });

    public static RedisMembershipProvider CreateMembership(NodeStorage storage, NodeOptions options, TimeProvider time) =>
        new(storage.Redis ?? throw new InvalidOperationException("cluster mode needs Redis"), new RedisMembershipOptions
        {
            ClusterName = options.Cluster.Name, Ttl = options.Cluster.MembershipTtl, HeartbeatInterval = options.Cluster.HeartbeatInterval, Time = time,
        });

    public static ClusterKind[] Kinds(IEnumerable<ClusterKind> kinds) =>
        [.. kinds.Select(k => NodeLocalKinds.Contains(k.Name) ? k.AsNodeLocal() : k)];
}
