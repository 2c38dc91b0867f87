namespace ActorTrading.Runtime.Messages;

/// <summary>The answer to a request whose target does not exist (any more).</summary>
public sealed record DeadLetterResponse(PID Target);
