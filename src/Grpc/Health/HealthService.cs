using Grpc.Health.V1;
using Google.Protobuf.Reflection;

namespace ActorTrading.Grpc;

/// <summary><c>grpc.health.v1.Health</c>: Check (NOT_FOUND for an unknown name) and Watch (current status, then every change).</summary>
public sealed class HealthService(HealthStatusRegistry registry)
{
    public static ServiceDescriptor Descriptor => HealthReflection.Descriptor.Services[0];

    public Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context) =>
        registry.TryGetStatus(request.Service, out var status)
            ? Task.FromResult(new HealthCheckResponse { Status = status })
            : throw new RpcException(new Status(StatusCode.NotFound, $"Unknown service '{request.Service}'."));

    public async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        HealthCheckResponse.Types.ServingStatus? last = null;
        while (!context.CancellationToken.IsCancellationRequested)
        {
            var (status, changed) = registry.Snapshot(request.Service);
            if (status != last)
            {
                await responseStream.WriteAsync(new HealthCheckResponse { Status = status }, context.CancellationToken);
                last = status;
            }

            await changed.WaitAsync(context.CancellationToken);
        }
    }
}
