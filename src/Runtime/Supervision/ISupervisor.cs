namespace ActorTrading.Runtime.Supervision;

/// <summary>The side of an actor (or of the guardian) that a strategy acts on.</summary>
public interface ISupervisor
{
    ActorSystem System { get; }
    IReadOnlyCollection<PID> Children { get; }
    void EscalateFailure(Exception reason, object? message);
    void RestartChildren(Exception reason, params PID[] pids);
    void StopChildren(params PID[] pids);
    void ResumeChildren(params PID[] pids);
}
