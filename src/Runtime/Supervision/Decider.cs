namespace ActorTrading.Runtime.Supervision;

/// <summary>Chooses the directive for a failure of <paramref name="who"/>.</summary>
public delegate SupervisorDirective Decider(PID who, Exception reason);
