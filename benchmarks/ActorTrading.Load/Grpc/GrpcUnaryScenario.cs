using ActorTrading.Grpc;
using Grpc.Health.V1;

namespace ActorTrading.Load.Grpc;

/// <summary>
/// Unary round trips (Health.Check) over one h2c channel with N calls in flight: latency percentiles, throughput,
/// bytes allocated and CPU per call (client and in-process server together).
/// </summary>
public sealed class GrpcUnaryScenario : IScenario
{
    private static readonly Method<HealthCheckRequest, HealthCheckResponse> Check =
        Method.Create<HealthCheckRequest, HealthCheckResponse>(HealthService.Descriptor, "Check");

    public string Name => "grpc-unary";

    public string Usage => "[--calls 20000] [--inflight 1] [--warmup 20000] [--target host:port] [--transport http2|httpclient] [--hpack-index on|off] [--coalesce on|off] [--inline-delivery on|off] [--server-inline on|off] [--alloc-types]";

    public async Task<ScenarioResult> RunAsync(ScenarioArgs args, TextWriter progress, CancellationToken ct)
    {
        var calls = args.Int("calls", 20000);
        var inflight = Math.Max(1, args.Int("inflight", 1));
        var warmup = args.Int("warmup", 20000);
        await using var server = await BenchServer.StartAsync(args, progress);
        using var channel = GrpcChannel.ForAddress(server.Address, BenchTransport.Options(args, progress));
        var client = new GrpcClient(channel);
        var request = new HealthCheckRequest();
        if (!args.Flag("alloc-types"))
        {
            return await ClosedLoop.MeasureAsync(calls, warmup, inflight, () => client.UnaryAsync(Check, request), progress, ct);
        }

        // Where the bytes per call go (sampled by type, client and server together), printed before the result line.
        using var types = new AllocTypes();
        await ClosedLoop.MeasureAsync(0, warmup, inflight, () => client.UnaryAsync(Check, request), progress, ct);
        types.Start();
        var result = await ClosedLoop.MeasureAsync(calls, 0, inflight, () => client.UnaryAsync(Check, request), progress, ct);
        types.Stop();
        types.Report(progress, calls);
        return result;
    }
}
