using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ActorTrading.Grpc;

/// <summary>
/// The serving status per service name that <c>grpc.health.v1.Health</c> reports. Starts with "" (the whole server) and
/// every bound service SERVING; set NOT_SERVING while draining or when a dependency is down.
/// </summary>
public sealed class HealthStatusRegistry
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ServingStatus> _statuses = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HealthStatusRegistry(GrpcServiceRegistry services)
    {
        _statuses[""] = ServingStatus.Serving;
        foreach (var service in services.ServiceDescriptors)
        {
            _statuses[service.FullName] = ServingStatus.Serving;
        }
    }

    public void SetStatus(string service, ServingStatus status)
    {
        ArgumentNullException.ThrowIfNull(service);
        TaskCompletionSource changed;
        lock (_lock)
        {
            _statuses[service] = status;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>Forgets a service: Check answers NOT_FOUND, Watch SERVICE_UNKNOWN.</summary>
    public void Clear(string service)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _statuses.Remove(service);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    public bool TryGetStatus(string service, out ServingStatus status)
    {
        lock (_lock)
        {
            return _statuses.TryGetValue(service, out status);
        }
    }

    /// <summary>The status (SERVICE_UNKNOWN if unknown) and a task that completes at the next change.</summary>
    internal (ServingStatus Status, Task Changed) Snapshot(string service)
    {
        lock (_lock)
        {
            return (_statuses.TryGetValue(service, out var status) ? status : ServingStatus.ServiceUnknown, _changed.Task);
        }
    }
}
