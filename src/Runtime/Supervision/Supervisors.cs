namespace ActorTrading.Runtime.Supervision;

/// <summary>Defaults.</summary>
public static class Supervisors
{
    /// <summary>Restart on any failure.</summary>
    public static readonly Decider AlwaysRestart = static (_, _) => SupervisorDirective.Restart;

    /// <summary>One-for-one, restart, at most 10 restarts within 10 seconds (Proto.Actor's default).</summary>
    public static readonly ISupervisorStrategy DefaultStrategy =
        new OneForOneStrategy(AlwaysRestart, 10, TimeSpan.FromSeconds(10));
}
