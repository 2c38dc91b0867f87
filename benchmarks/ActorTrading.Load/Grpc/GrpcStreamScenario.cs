using System.Diagnostics;
using ActorTrading.Grpc;
using Grpc.Health.V1;

namespace ActorTrading.Load.Grpc;

/// <summary>Server-streaming throughput: one call, N small messages (Health.Watch shape served by the bench service).</summary>
public sealed class GrpcStreamScenario : IScenario
{
    private static readonly Method<HealthCheckRequest, HealthCheckResponse> Watch =
        Method.Create<HealthCheckRequest, HealthCheckResponse>(HealthService.Descriptor, "Watch");

    public string Name => "grpc-stream";

    public string Usage => "[--messages 1000000] [--target host:port (must serve the bench service)] [--transport http2|httpclient] [--hpack-index on|off]";

    public async Task<ScenarioResult> RunAsync(ScenarioArgs args, TextWriter progress, CancellationToken ct)
    {
        var messages = args.Long("messages", 1_000_000);
        await using var server = await BenchServer.StartAsync(args, progress);
        using var channel = GrpcChannel.ForAddress(server.Address, BenchTransport.Options(args, progress));
        var client = new GrpcClient(channel);

        await Drain(client, 10_000, ct);
        var clock = Stopwatch.StartNew();
        var received = await Drain(client, messages, ct);
        var seconds = clock.Elapsed.TotalSeconds;
        progress.WriteLine($"{received} messages in {seconds:F2} s");
        if (received != messages)
        {
            throw new InvalidOperationException($"expected {messages} messages, received {received}");
        }

        return new ScenarioResult().Add("messages", received).Add("msgs_per_sec", received / seconds);
    }

    private static async Task<long> Drain(GrpcClient client, long messages, CancellationToken ct)
    {
        using var call = client.ServerStreaming(Watch, new HealthCheckRequest { Service = "bench:" + messages }, new CallOptions(cancellationToken: ct));
        long received = 0;
        while (await call.ResponseStream.MoveNext(ct))
        {
            received++;
        }

        return received;
    }
}
