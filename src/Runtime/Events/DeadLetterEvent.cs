namespace ActorTrading.Runtime.Events;

/// <summary>A message was sent to a process that does not exist (any more).</summary>
public sealed record DeadLetterEvent(PID Pid, object Message, PID? Sender);
