namespace ActorTrading.Runtime.Messages;

/// <summary>Restart the actor after a failure (system message).</summary>
public sealed record Restart(Exception Reason);
