using System.Net;
using System.Net.Sockets;
using ActorTrading.Cluster.V1;
using ActorTrading.Grpc;
using ActorTrading.Runtime.Remote;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActorTrading.Actors.Tests.Wire;

/// <summary>The remoting endpoint of a test node: Kestrel h2c on a free loopback port serving <see cref="RemotingService"/>.</summary>
internal static class RemotingEndpoint
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<WebApplication> StartAsync(int port, Remote remote)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(new RemotingService(remote));
        builder.Services.AddGrpc().AddService<RemotingService>(RemoteReflection.Descriptor);
        var app = builder.Build();
        app.UseGrpc();
        await app.StartAsync();
        return app;
    }
}
