namespace ActorTrading.Runtime.Mailbox;

/// <summary>What a bounded mailbox does with a message that arrives when it is full.</summary>
public enum OverflowPolicy
{
    /// <summary>The arriving message is dropped (a request's sender gets <c>MessageRejected</c>).</summary>
    DropNewest,
    /// <summary>The oldest queued message is dropped to make room (a dropped request's sender gets <c>MessageRejected</c>).</summary>
    DropOldest,
    /// <summary>The arriving message is refused: <c>TrySend</c> returns false and a request fails with <c>MessageRejectedException</c>.</summary>
    Reject,
}
