namespace ActorTrading.Load.Grpc;

/// <summary>
/// Runs the bench server alone (h2c on 127.0.0.1) so that grpc-unary / grpc-stream can run from another process with
/// <c>--target 127.0.0.1:PORT</c>, or so that other clients (grpcio, grpc-js, buf curl) can be measured against it.
/// </summary>
public sealed class GrpcServeScenario : IScenario
{
    public string Name => "grpc-serve";

    public string Usage => "[--port 50051] [--seconds 60]";

    public async Task<ScenarioResult> RunAsync(ScenarioArgs args, TextWriter progress, CancellationToken ct)
    {
        var port = args.Int("port", 50051);
        var seconds = args.Int("seconds", 60);
        await using var server = await BenchServer.StartAsync(port, progress);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds), ct);
        }
        catch (OperationCanceledException)
        {
            progress.WriteLine("stopped");
        }

        return new ScenarioResult().Add("address", server.Address.ToString()).Add("seconds", seconds);
    }
}
