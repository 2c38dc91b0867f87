namespace ActorTrading.Runtime.Supervision;

/// <summary>Decides what happens to a child that failed.</summary>
public interface ISupervisorStrategy
{
    void HandleFailure(ISupervisor supervisor, PID child, RestartStatistics statistics, Exception reason, object? message);
}
