namespace ActorTrading.Runtime.Messages;

/// <summary>A watched actor (or a child) has terminated.</summary>
public sealed record Terminated(PID Who, TerminatedReason Reason);
