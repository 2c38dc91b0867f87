using ActorTrading.Runtime;
using ActorTrading.Runtime.Supervision;

namespace ActorTrading.Actors.Accounts;

/// <summary>
/// How an account supervises its children. A crashing <c>strategy/&lt;name&gt;</c> restarts with exponential backoff and
/// never takes the account down. A failing <c>risk</c> or <c>position</c> restarts at once, but the account first learns
/// of it (<see cref="ChildFailed"/>) and refuses new orders until the child has re-synced (<see cref="ChildReady"/>).
/// Anything else (short-lived helpers) is stopped.
/// </summary>
public sealed class AccountChildSupervisor(TimeSpan strategyBackoff, TimeSpan strategyMaxBackoff) : ISupervisorStrategy
{
    private readonly ExponentialBackoffStrategy _strategies = new(strategyMaxBackoff * 4, strategyBackoff, strategyMaxBackoff);

    public void HandleFailure(ISupervisor supervisor, PID child, RestartStatistics statistics, Exception reason, object? message)
    {
        var name = child.Id;
        if (name.Contains("/strategy/", StringComparison.Ordinal))
        {
            _strategies.HandleFailure(supervisor, child, statistics, reason, message);
            return;
        }
        if (name.EndsWith("/risk", StringComparison.Ordinal) || name.EndsWith("/position", StringComparison.Ordinal))
        {
            if (supervisor is IContext account) account.Send(account.Self, new ChildFailed(child, reason, message));
            supervisor.RestartChildren(reason, child);
            return;
        }
        supervisor.StopChildren(child);
    }
}
