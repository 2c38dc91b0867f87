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

        // --server-inline on: Kestrel runs socket continuations on the I/O thread (SocketTransportOptions.
        // UnsafePreferInlineScheduling). An A/B probe of the server's thread hops only; off (Kestrel's default, as the Host runs) by default.
        return await StartAsync(0, progress, args.Str("server-inline", "off") == "on");
    }

    public static async Task<BenchServer> StartAsync(int port, TextWriter progress, bool inlineScheduling = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (inlineScheduling)
        {
            builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = true);
            progress.WriteLine("server: UnsafePreferInlineScheduling");
        }

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
