using ActorTrading.Grpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActorTrading.Load.Grpc;

/// <summary>
/// Our gRPC server in-process on 127.0.0.1 (h2c) for the load scenarios, or nothing when <c>--target host:port</c>
/// points at a running node. Serves grpc.health.v1.Health shapes with <see cref="BenchHealthService"/>.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly WebApplication? _app;

    private BenchServer(WebApplication? app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<BenchServer> StartAsync(ScenarioArgs args, TextWriter progress)
    {
        var target = args.Str("target", "");
        if (target.Length > 0)
        {
            progress.WriteLine($"target: {target} (external server)");
            return new BenchServer(null, new Uri("http://" + target));
        }

        return await StartAsync(0, progress);
    }

    public static async Task<BenchServer> StartAsync(int port, TextWriter progress)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(System.Net.IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2);
            k.Limits.Http2.MaxStreamsPerConnection = 1000;
        });
        builder.Services.AddGrpc().AddService<BenchHealthService>(HealthService.Descriptor).AddReflection();
        var app = builder.Build();
        app.UseGrpc();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        progress.WriteLine($"in-process server: {address}");
        return new BenchServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
