namespace ActorTrading.Runtime.Mailbox;

/// <summary>Factories for <c>Props.WithMailbox</c>.</summary>
public static class Mailboxes
{
    /// <summary>The default: unbounded and lock-free.</summary>
    public static MailboxBase Unbounded() => new UnboundedMailbox();

    public static Func<MailboxBase> Bounded(int capacity, OverflowPolicy policy) =>
        () => new BoundedMailbox(capacity, policy);

    /// <summary>Latest message per key wins; <paramref name="keySelector"/> returns null for messages never conflated.</summary>
    public static Func<MailboxBase> Conflating(Func<object, object?> keySelector) =>
        () => new ConflatingMailbox(keySelector);
}
