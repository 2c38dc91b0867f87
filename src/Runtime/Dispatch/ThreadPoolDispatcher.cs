using ActorTrading.Runtime.Mailbox;

namespace ActorTrading.Runtime.Dispatch;

/// <summary>
/// The default dispatcher: mailboxes are thread-pool work items (no allocation per schedule).
/// With the next-run slot (on by default), a mailbox scheduled by an actor running on a pool
/// thread is run by that same thread right after the current mailbox instead of going through the
/// pool's queue — the "LIFO slot" of Go's and Tokio's schedulers: a request/response chain stays on
/// one core and costs no queue operation or thread wake-up. A chain is cut after
/// <see cref="MaxChain"/> runs so other work is not starved; a displaced mailbox goes to the pool.
/// </summary>
public sealed class ThreadPoolDispatcher : IDispatcher
{
    public static readonly ThreadPoolDispatcher Default = new();

    [ThreadStatic] private static MailboxBase? t_next;
    [ThreadStatic] private static ThreadPoolDispatcher? t_running;

    public ThreadPoolDispatcher(int throughput = 300, bool preferLocal = false, bool nextRunSlot = true, int maxChain = 256)
    {
        Throughput = throughput > 0 ? throughput : throw new ArgumentOutOfRangeException(nameof(throughput));
        PreferLocal = preferLocal;
        NextRunSlot = nextRunSlot;
        MaxChain = maxChain > 0 ? maxChain : throw new ArgumentOutOfRangeException(nameof(maxChain));
    }

    public int Throughput { get; }

    /// <summary>Whether a mailbox queued from a pool thread goes to that thread's local queue.</summary>
    public bool PreferLocal { get; }

    public bool NextRunSlot { get; }

    public int MaxChain { get; }

    public void Schedule(MailboxBase mailbox)
    {
        if (t_running == this)
        {
            var displaced = t_next;
            t_next = mailbox;
            if (displaced is null) return;
            mailbox = displaced;
        }
        ThreadPool.UnsafeQueueUserWorkItem(mailbox, PreferLocal);
    }

    /// <summary>Runs <paramref name="mailbox"/> on this pool thread, then the chain of mailboxes it scheduled.</summary>
    internal void Execute(MailboxBase mailbox)
    {
        if (!NextRunSlot || t_running is not null)
        {
            mailbox.Run();
            return;
        }
        t_running = this;
        try
        {
            for (var chain = 0; ; chain++)
            {
                mailbox.Run();
                var next = t_next;
                if (next is null) return;
                t_next = null;
                if (chain == MaxChain)
                {
                    ThreadPool.UnsafeQueueUserWorkItem(next, PreferLocal);
                    return;
                }
                mailbox = next;
            }
        }
        finally
        {
            t_running = null;
        }
    }
}
