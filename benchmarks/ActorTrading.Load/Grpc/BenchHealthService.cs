using ActorTrading.Grpc;
using Grpc.Health.V1;

namespace ActorTrading.Load.Grpc;

/// <summary>
/// The benchmark service, bound to the grpc.health.v1.Health descriptor so that unary runs also work against any
/// node (every node serves Health.Check). Watch streams <c>N</c> small messages when asked for service "bench:N",
/// writing buffered and flushing when the batch it has ready is done (every 64 KiB, and at the end).
/// </summary>
public sealed class BenchHealthService
{
    private static readonly HealthCheckResponse Serving = new() { Status = HealthCheckResponse.Types.ServingStatus.Serving };

    private static readonly Task<HealthCheckResponse> ServingTask = Task.FromResult(Serving);

    public Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context) => ServingTask;

    public async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        var count = request.Service.StartsWith("bench:", StringComparison.Ordinal) ? long.Parse(request.Service.AsSpan(6)) : 1;
        for (long i = 0; i < count; i++)
        {
            await responseStream.WriteBufferedAsync(Serving, context.CancellationToken);
        }

        await responseStream.FlushAsync(context.CancellationToken);
    }
}
