namespace ActorTrading.Runtime.Events;

/// <summary>A root actor's failure was escalated past the guardian; the actor was stopped.</summary>
public sealed record EscalationFailedEvent(PID? Who, Exception Reason, object? Message);
