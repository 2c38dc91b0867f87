using System.Net;
using Grpc.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorTrading.Grpc.Interop.Server;

/// <summary>
/// The interop server: grpc.testing.TestService, grpc.health.v1.Health and server reflection (v1, v1alpha)
/// on cleartext HTTP/2 at 127.0.0.1. Prints <c>listening on 127.0.0.1:PORT</c> once it accepts calls.
/// </summary>
public static class InteropServer
{
    public const string ReadyPrefix = "listening on ";

    public static async Task<int> RunAsync(int port, CancellationToken stopping)
    {
        await using var app = Build(port);
        await app.StartAsync(stopping).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Console.Out.WriteLine($"{ReadyPrefix}{new Uri(address).Authority}");
        await Console.Out.FlushAsync(stopping).ConfigureAwait(false);
        await app.WaitForShutdownAsync(stopping).ConfigureAwait(false);
        return 0;
    }

    public static WebApplication Build(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Limits.MaxRequestBodySize = null;
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services
            .AddGrpc()
            .AddService<TestServiceImpl>(TestReflection.Descriptor.Services.Single(s => s.Name == "TestService"))
            .AddHealth()
            .AddReflection();

        var app = builder.Build();
        app.UseGrpc();
        return app;
    }
}
