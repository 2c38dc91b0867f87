namespace ActorTrading.Runtime.Supervision;

/// <summary>
/// The directive applies to the failed child only. A child restarted more than
/// <c>maxNrOfRetries</c> times within <c>withinTimeSpan</c> is stopped instead.
/// </summary>
public sealed class OneForOneStrategy(Decider decider, int maxNrOfRetries, TimeSpan? withinTimeSpan) : ISupervisorStrategy
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
                    supervisor.StopChildren(child);
                else
                    supervisor.RestartChildren(reason, child);
                break;
            case SupervisorDirective.Stop:
                supervisor.StopChildren(child);
                break;
            case SupervisorDirective.Escalate:
                supervisor.EscalateFailure(reason, message);
                break;
        }
    }
}
