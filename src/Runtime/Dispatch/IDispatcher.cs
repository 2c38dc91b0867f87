using ActorTrading.Runtime.Mailbox;

namespace ActorTrading.Runtime.Dispatch;

/// <summary>Runs mailboxes. A mailbox is scheduled at most once at a time.</summary>
public interface IDispatcher
{
    /// <summary>User messages a mailbox processes per run before yielding its thread.</summary>
    int Throughput { get; }

    void Schedule(MailboxBase mailbox);
}
