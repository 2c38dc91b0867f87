using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActorTrading.Grpc.Tests.Infrastructure;

/// <summary>
/// A real Kestrel on 127.0.0.1 serving the test service: one port h2c (prior knowledge), one port HTTP/1.1 for gRPC-Web
/// (without TLS there is no ALPN, so Kestrel cannot tell the two apart on one port).
/// </summary>
public sealed class GrpcTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GrpcTestHost(WebApplication app, Uri address, Uri http1Address)
    {
        _app = app;
        Address = address;
        Http1Address = http1Address;
        Channel = GrpcChannel.ForAddress(address);
        Client = new GrpcClient(Channel);
    }

    public Uri Address { get; }

    public Uri Http1Address { get; }

    public GrpcChannel Channel { get; }

    public GrpcClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public TestHooks Hooks => _app.Services.GetRequiredService<TestHooks>();

    public static async Task<GrpcTestHost> StartAsync(
        Action<GrpcServerOptions>? options = null,
        Action<GrpcServerBuilder>? grpc = null,
        Action<WebApplication>? app = null,
        TestHooks? hooks = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2);
            k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddSingleton(hooks ?? new TestHooks());
        var grpcBuilder = builder.Services.AddGrpc(options).AddService<TestServiceImpl>(TestServiceImpl.Descriptor);
        grpc?.Invoke(grpcBuilder);
        var web = builder.Build();
        web.UseGrpc();
        app?.Invoke(web);
        await web.StartAsync();
        var addresses = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToArray();
        return new GrpcTestHost(web, new Uri(addresses[0]), new Uri(addresses[1]));
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
