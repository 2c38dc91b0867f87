using ActorTrading.Runtime.Messages;
using ActorTrading.Runtime.Supervision;

namespace ActorTrading.Runtime.Context;

internal sealed partial class ActorContext : ISupervisor
{
    private void HandleChildFailure(Failure failure) =>
        (_props.SupervisorStrategy ?? Supervisors.DefaultStrategy)
            .HandleFailure(this, failure.Who, failure.RestartStatistics, failure.Reason, failure.Message);

    public void RestartChildren(Exception reason, params PID[] pids)
    {
        foreach (var pid in pids) pid.SendSystemMessage(_system, new Restart(reason));
    }

    public void StopChildren(params PID[] pids)
    {
        foreach (var pid in pids) pid.Stop(_system);
    }

    public void ResumeChildren(params PID[] pids)
    {
        foreach (var pid in pids) pid.SendSystemMessage(_system, ResumeMailbox.Instance);
    }
}
