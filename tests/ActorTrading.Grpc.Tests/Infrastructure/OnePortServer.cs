using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActorTrading.Grpc.Tests.Infrastructure;

/// <summary>TestService on ONE loopback listener that the test configures (TLS, the shared cleartext port, ...).</summary>
public sealed class OnePortServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OnePortServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<OnePortServer> StartAsync(Action<ListenOptions> listen)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen));
        builder.Services.AddSingleton(new TestHooks());
        builder.Services.AddGrpc().AddService<TestServiceImpl>(TestServiceImpl.Descriptor);
        var app = builder.Build();
        app.UseGrpc();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new OnePortServer(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
