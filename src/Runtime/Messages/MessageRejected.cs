namespace ActorTrading.Runtime.Messages;

/// <summary>
/// The answer to a request that a bounded mailbox refused or evicted (overflow), so the sender
/// learns at once instead of after its timeout.
/// </summary>
public sealed record MessageRejected(PID Target, object Message);
