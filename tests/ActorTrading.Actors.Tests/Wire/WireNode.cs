using ActorTrading.Actors.Gateways;
using ActorTrading.Actors.Hosting;
using ActorTrading.Cluster.V1;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Cluster;
using ActorTrading.Runtime.Remote;
using Microsoft.AspNetCore.Builder;

namespace ActorTrading.Actors.Tests.Wire;

/// <summary>One cluster node in this process on real remoting (Kestrel h2c on loopback) with the gateway wire serializer
/// registered and the <c>account</c> kind produced by <paramref name="account"/>; every account is placed on <c>owner</c>.</summary>
public sealed class WireNode : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WireNode(ActorSystem system, Remote remote, Runtime.Cluster.Cluster cluster, WebApplication app)
    {
        System = system;
        Remote = remote;
        Cluster = cluster;
        _app = app;
    }

    public ActorSystem System { get; }
    public Remote Remote { get; }
    public Runtime.Cluster.Cluster Cluster { get; }

    public static async Task<WireNode> StartAsync(string memberId, string owner, IMembershipProvider membership, Func<IActor> account)
    {
        var port = RemotingEndpoint.FreePort();
        var system = new ActorSystem(new ActorSystemConfig { Address = "127.0.0.1:" + port });
        var remote = new Remote(system, new RemoteConfig(memberId, new SerializerRegistry().Add(GatewayWireSerializer.Instance)));
        remote.Start();
        var cluster = new Runtime.Cluster.Cluster(system, new ClusterConfig(memberId, new ClusterKind(TradingCore.AccountKind, Props.FromProducer(account)))
        {
            MembershipProvider = membership, Remote = remote, PlacementStrategy = new OwnerPlacement(owner),
        });
        var app = await RemotingEndpoint.StartAsync(port, remote);
        await cluster.StartAsync();
        return new WireNode(system, remote, cluster, app);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.ShutdownAsync();
        await Remote.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await System.ShutdownAsync();
    }
}
