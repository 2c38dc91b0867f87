namespace ActorTrading.Runtime.Supervision;

/// <summary>What a supervisor does with a failed child.</summary>
public enum SupervisorDirective
{
    /// <summary>Keep the actor and its state; skip the failed message.</summary>
    Resume,
    /// <summary>Stop its children, create a fresh instance, deliver <c>Started</c>.</summary>
    Restart,
    /// <summary>Stop the actor.</summary>
    Stop,
    /// <summary>Fail the supervisor itself, letting its own supervisor decide.</summary>
    Escalate,
}
