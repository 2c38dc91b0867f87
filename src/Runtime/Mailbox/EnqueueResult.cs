namespace ActorTrading.Runtime.Mailbox;

/// <summary>The outcome of putting a user message into a mailbox queue.</summary>
public enum EnqueueResult
{
    Accepted,
    /// <summary>Accepted, and an older message was evicted (returned beside it).</summary>
    AcceptedEvicting,
    /// <summary>Accepted by replacing a queued message with the same conflation key.</summary>
    Conflated,
    /// <summary>Not accepted: the mailbox is full.</summary>
    Refused,
}
