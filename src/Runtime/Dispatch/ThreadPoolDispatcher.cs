using ActorTrading.Runtime.Mailbox;

namespace ActorTrading.Runtime.Dispatch;

/// <summary>The default dispatcher: mailboxes are thread-pool work items (no allocation per schedule).</summary>
public sealed class ThreadPoolDispatcher(int throughput = 300, bool preferLocal = false) : IDispatcher
{
    public static readonly ThreadPoolDispatcher Default = new();

    public int Throughput { get; } = throughput > 0 ? throughput : throw new ArgumentOutOfRangeException(nameof(throughput));

    /// <summary>Whether a mailbox scheduled from a pool thread goes to that thread's local queue.</summary>
    public bool PreferLocal { get; } = preferLocal;

    public void Schedule(MailboxBase mailbox) => ThreadPool.UnsafeQueueUserWorkItem(mailbox, PreferLocal);
}
