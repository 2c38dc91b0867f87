using System.Net;
using System.Net.Sockets;
using ActorTrading.Actors.Gateways;
using ActorTrading.Actors.Hosting;
using ActorTrading.Cluster.V1;
using ActorTrading.Grpc;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Cluster;
using ActorTrading.Runtime.Remote;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
        var port = FreePort();
        var system = new ActorSystem(new ActorSystemConfig { Address = "127.0.0.1:" + port });
        var remote = new Remote(system, new RemoteConfig(memberId, new SerializerRegistry().Add(GatewayWireSerializer.Instance)));
        remote.Start();
        var cluster = new Runtime.Cluster.Cluster(system, new ClusterConfig(memberId, new ClusterKind(TradingCore.AccountKind, Props.FromProducer(account)))
        {
            MembershipProvider = membership, Remote = remote, PlacementStrategy = new OwnerPlacement(owner),
        });
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(new RemotingService(remote));
        builder.Services.AddGrpc().AddService<RemotingService>(RemoteReflection.Descriptor);
        var app = builder.Build();
        app.UseGrpc();
        await app.StartAsync();
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class OwnerPlacement(string owner) : IPlacementStrategy
    {
        public Member Place(ClusterIdentity identity, IReadOnlyList<Member> members) => members.FirstOrDefault(m => m.Id == owner) ?? members[0];
    }
}
