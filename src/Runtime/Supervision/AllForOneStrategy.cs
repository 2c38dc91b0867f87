namespace ActorTrading.Runtime.Supervision;

/// <summary>
/// Restart and Stop apply to every child of the supervisor (siblings that must stay consistent);
/// Resume applies to the failed child. The retry budget is the failed child's.
/// </summary>
public sealed class AllForOneStrategy(Decider decider, int maxNrOfRetries, TimeSpan? withinTimeSpan) : ISupervisorStrategy
{
    public void HandleFailure(ISupervisor supervisor, PID child, RestartStatistics statistics, Exception reason, object? message)
    {
        switch (decider(child, reason))
        {
            case SupervisorDirective.Resume:
                supervisor.ResumeChildren(child);
                break;
            case SupervisorDirective.Restart:
                if (RetryBudget.Exhausted(statistics, maxNrOfRetries, withinTimeSpan, supervisor.System.TimeProvider.GetUtcNow()))
                    supervisor.StopChildren(supervisor.Children.ToArray());
                else
                    supervisor.RestartChildren(reason, supervisor.Children.ToArray());
                break;
            case SupervisorDirective.Stop:
                supervisor.StopChildren(supervisor.Children.ToArray());
                break;
            case SupervisorDirective.Escalate:
                supervisor.EscalateFailure(reason, message);
                break;
        }
    }
}
