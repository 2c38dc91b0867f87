using System.Net;
using System.Net.Sockets;
using ActorTrading.Cluster.V1;
using ActorTrading.Grpc;
using ActorTrading.Runtime;
using ActorTrading.Runtime.Remote;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActorTrading.Load.Runtime;

/// <summary>An actor system addressed 127.0.0.1:port with its remoting served by Kestrel (h2c) on that port, as a node
/// process has it; protobuf well-known wrappers are registered for the payloads.</summary>
internal sealed class LoopbackNode : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackNode(ActorSystem system, Remote remote, WebApplication app)
    {
        System = system;
        Remote = remote;
        _app = app;
    }

    public ActorSystem System { get; }
    public Remote Remote { get; }

    public static async Task<LoopbackNode> StartAsync(string memberId)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0)) { listener.Start(); port = ((IPEndPoint)listener.LocalEndpoint).Port; }
        var system = new ActorSystem(new ActorSystemConfig { Address = "127.0.0.1:" + port });
        var remote = new Remote(system, new RemoteConfig(memberId, new SerializerRegistry(WrappersReflection.Descriptor)));
        remote.Start();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(new RemotingService(remote));
        builder.Services.AddGrpc().AddService<RemotingService>(RemoteReflection.Descriptor);
        var app = builder.Build();
        app.UseGrpc();
        await app.StartAsync().ConfigureAwait(false);
        return new LoopbackNode(system, remote, app);
    }

    public async ValueTask DisposeAsync()
    {
        await Remote.DisposeAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await System.ShutdownAsync().ConfigureAwait(false);
    }
}
