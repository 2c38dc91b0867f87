using System.Net;
using System.Net.Sockets;
using ActorTrading.Cluster.V1;
using ActorTrading.Grpc;
using ActorTrading.Runtime.Cluster;
using ActorTrading.Runtime.Remote;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ClusterNode = ActorTrading.Runtime.Cluster.Cluster;

namespace ActorTrading.Runtime.Tests.Remote;

/// <summary>One node in this process: an actor system addressed 127.0.0.1:port, its remoting served by a real Kestrel
/// (h2c) on that port, and optionally a cluster with the <c>echo</c> kind on a shared membership provider.</summary>
public sealed class RemoteNode : IAsyncDisposable
{
    private WebApplication? _app;

    private RemoteNode(ActorSystem system, Runtime.Remote.Remote remote)
    {
        System = system;
        Remote = remote;
    }

    public ActorSystem System { get; }
    public Runtime.Remote.Remote Remote { get; }
    public ClusterNode? Cluster { get; private set; }
    public string Address => System.Address;

    public static async Task<RemoteNode> StartAsync(string memberId, IMembershipProvider? membership = null,
        IPlacementStrategy? placement = null, Func<RemoteConfig, RemoteConfig>? configure = null)
    {
        var port = FreePort();
        var system = new ActorSystem(new ActorSystemConfig { Address = "127.0.0.1:" + port });
        // 30 s to connect, not the product's 5 s: on a loaded machine (load 90 once) the first HTTP/2 handshake took longer,
        // and no test here is about the connect timeout itself (unreachable peers refuse at once on loopback)
        var config = new RemoteConfig(memberId, new SerializerRegistry(WrappersReflection.Descriptor)) { ConnectTimeout = TimeSpan.FromSeconds(30) };
        var remote = new Runtime.Remote.Remote(system, configure?.Invoke(config) ?? config);
        var node = new RemoteNode(system, remote);
        remote.Start();
        if (membership is not null)
        {
            var cluster = new ClusterConfig(memberId, new ClusterKind("echo", Props.FromProducer(() => new EchoActor())))
            {
                MembershipProvider = membership, Remote = remote, PlacementStrategy = placement ?? RendezvousPlacementStrategy.Instance,
            };
            node.Cluster = new ClusterNode(system, cluster);
        }
        await node.ServeAsync(port);
        if (node.Cluster is { } c) await c.StartAsync();
        return node;
    }

    private async Task ServeAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(new RemotingService(Remote));
        builder.Services.AddGrpc().AddService<RemotingService>(RemoteReflection.Descriptor);
        _app = builder.Build();
        _app.UseGrpc();
        await _app.StartAsync();
    }

    /// <summary>Stops serving (the process "dies" as far as peers can tell); the actor system stays for inspection.</summary>
    public async Task KillServerAsync()
    {
        if (_app is null) return;
        using (var now = new CancellationTokenSource()) { await now.CancelAsync(); await _app.StopAsync(now.Token); }
        await _app.DisposeAsync();
        _app = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (Cluster is { } cluster) await cluster.ShutdownAsync();
        await Remote.DisposeAsync();
        await KillServerAsync();
        await System.ShutdownAsync();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
