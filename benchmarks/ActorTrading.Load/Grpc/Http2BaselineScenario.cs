using System.Diagnostics;
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

    public string Usage => "[--calls 20000] [--inflight 1]";

    public async Task<ScenarioResult> RunAsync(ScenarioArgs args, TextWriter progress, CancellationToken ct)
    {
        var calls = args.Int("calls", 20000);
        var inflight = Math.Max(1, args.Int("inflight", 1));
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

        await Run(invoker, address, 2000, inflight, new LatencyHistogram[inflight], ct);
        var histograms = new LatencyHistogram[inflight];
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await Run(invoker, address, calls, inflight, histograms, ct);
        var seconds = clock.Elapsed.TotalSeconds;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var all = new LatencyHistogram();
        foreach (var h in histograms)
        {
            all.Add(h);
        }

        await app.StopAsync(ct);
        return new ScenarioResult()
            .Add("p50_us", all.PercentileMicros(50))
            .Add("p99_us", all.PercentileMicros(99))
            .Add("calls_per_sec", all.Count / seconds)
            .Add("alloc_bytes_per_call", (double)allocated / Math.Max(1, all.Count));
    }

    private static Task Run(HttpMessageInvoker invoker, Uri address, int calls, int inflight, LatencyHistogram[] histograms, CancellationToken ct)
    {
        var remaining = calls;
        var workers = new Task[inflight];
        for (var w = 0; w < inflight; w++)
        {
            var histogram = histograms[w] = new LatencyHistogram();
            workers[w] = Task.Run(async () =>
            {
                var buffer = new byte[64];
                while (Interlocked.Decrement(ref remaining) >= 0 && !ct.IsCancellationRequested)
                {
                    var start = Stopwatch.GetTimestamp();
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
                    while (await body.ReadAsync(buffer, ct) > 0) { }
                    histogram.Record((long)(Stopwatch.GetElapsedTime(start).TotalMicroseconds * 1000));
                }
            }, ct);
        }

        return Task.WhenAll(workers);
    }
}
