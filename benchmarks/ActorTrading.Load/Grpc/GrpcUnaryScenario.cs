using System.Diagnostics;
using ActorTrading.Grpc;
using Grpc.Health.V1;

namespace ActorTrading.Load.Grpc;

/// <summary>
/// Unary round trips (Health.Check) over one h2c channel with N calls in flight: latency percentiles, throughput, and
/// bytes allocated per call (client and in-process server together).
/// </summary>
public sealed class GrpcUnaryScenario : IScenario
{
    private static readonly Method<HealthCheckRequest, HealthCheckResponse> Check =
        Method.Create<HealthCheckRequest, HealthCheckResponse>(HealthService.Descriptor, "Check");

    public string Name => "grpc-unary";

    public string Usage => "[--calls 20000] [--inflight 1] [--warmup 2000] [--target host:port]";

    public async Task<ScenarioResult> RunAsync(ScenarioArgs args, TextWriter progress, CancellationToken ct)
    {
        var calls = args.Int("calls", 20000);
        var inflight = Math.Max(1, args.Int("inflight", 1));
        var warmup = args.Int("warmup", 2000);
        await using var server = await BenchServer.StartAsync(args, progress);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new GrpcClient(channel);
        var request = new HealthCheckRequest();

        await RunWorkers(client, request, warmup, inflight, new LatencyHistogram[inflight], ct);
        var histograms = new LatencyHistogram[inflight];
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await RunWorkers(client, request, calls, inflight, histograms, ct);
        var seconds = clock.Elapsed.TotalSeconds;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var all = new LatencyHistogram();
        foreach (var h in histograms)
        {
            all.Add(h);
        }

        progress.WriteLine($"{all.Count} calls, {inflight} in flight, {seconds:F2} s");
        return new ScenarioResult()
            .Add("p50_us", all.PercentileMicros(50))
            .Add("p99_us", all.PercentileMicros(99))
            .Add("p999_us", all.PercentileMicros(99.9))
            .Add("calls_per_sec", all.Count / seconds)
            .Add("alloc_bytes_per_call", (double)allocated / Math.Max(1, all.Count));
    }

    private static Task RunWorkers(GrpcClient client, HealthCheckRequest request, int calls, int inflight, LatencyHistogram[] histograms, CancellationToken ct)
    {
        var workers = new Task[inflight];
        var remaining = calls;
        for (var w = 0; w < inflight; w++)
        {
            var histogram = histograms[w] = new LatencyHistogram();
            workers[w] = Task.Run(async () =>
            {
                while (Interlocked.Decrement(ref remaining) >= 0 && !ct.IsCancellationRequested)
                {
                    var start = Stopwatch.GetTimestamp();
                    await client.UnaryAsync(Check, request);
                    histogram.Record((long)(Stopwatch.GetElapsedTime(start).TotalMicroseconds * 1000));
                }
            }, ct);
        }

        return Task.WhenAll(workers);
    }
}
