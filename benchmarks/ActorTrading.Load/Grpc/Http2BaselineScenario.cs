using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActorTrading.Load.Grpc;

/// <summary>
/// The floor under grpc-unary: the same HTTP/2 exchange (POST, 7-byte body, 7-byte answer, grpc-status trailer) with
/// raw HttpClient against a bare Kestrel handler, no gRPC library. Our overhead = grpc-unary minus this.
/// </summary>
public sealed class Http2BaselineScenario : IScenario
{
    private static readonly byte[] Frame = [0, 0, 0, 0, 2, 8, 1];

    public string Name => "http2-unary-baseline";

    public string Usage => "[--calls 20000] [--inflight 1] [--warmup 2000]";

    public async Task<ScenarioResult> RunAsync(ScenarioArgs args, TextWriter progress, CancellationToken ct)
    {
        var calls = args.Int("calls", 20000);
        var inflight = Math.Max(1, args.Int("inflight", 1));
        var warmup = args.Int("warmup", 2000);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        await using var app = builder.Build();
        app.Run(async context =>
        {
            var buffer = new byte[16];
            while (await context.Request.Body.ReadAsync(buffer, ct) > 0) { }
            context.Response.ContentType = "application/grpc";
            await context.Response.Body.WriteAsync(Frame, ct);
            context.Response.AppendTrailer("grpc-status", "0");
        });
        await app.StartAsync(ct);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler { EnableMultipleHttp2Connections = true, UseProxy = false });
        var result = await ClosedLoop.MeasureAsync(calls, warmup, inflight, () => CallAsync(invoker, address, ct), progress, ct);
        await app.StopAsync(ct);
        return result;
    }

    private static async Task CallAsync(HttpMessageInvoker invoker, Uri address, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, address)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(Frame),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        using var response = await invoker.SendAsync(request, ct);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[64];
        while (await body.ReadAsync(buffer, ct) > 0) { }
    }
}
