using ActorTrading.Runtime.Mailbox;

namespace ActorTrading.Runtime.Dispatch;

/// <summary>
/// The default dispatcher: mailboxes are thread-pool work items (no allocation per schedule).
/// With the next-run slot (on by default), a mailbox scheduled by an actor running on a pool
/// thread is run by that same thread right after the current mailbox instead of going through the
/// pool's queue — the "LIFO slot" of Go's and Tokio's schedulers: a request/response chain stays on
/// one core and costs no queue operation or thread wake-up. A chain is cut after
/// <see cref="ChainQuantumMs"/> milliseconds (coarse clock) so queued work is not starved; a
/// displaced mailbox goes to the pool. Never block an actor on another actor's answer: the other
/// mailbox may be waiting in this thread's slot.
/// </summary>
public sealed class ThreadPoolDispatcher : IDispatcher
{
    public static readonly ThreadPoolDispatcher Default = new();

    /// <summary>This pool thread's chain: one thread-static read per schedule.</summary>
    [ThreadStatic] private static Chain? t_chain;

    public ThreadPoolDispatcher(int throughput = 300, bool preferLocal = false, bool nextRunSlot = true, int chainQuantumMs = 2)
    {
        Throughput = throughput > 0 ? throughput : throw new ArgumentOutOfRangeException(nameof(throughput));
        PreferLocal = preferLocal;
        NextRunSlot = nextRunSlot;
        ChainQuantumMs = chainQuantumMs > 0 ? chainQuantumMs : throw new ArgumentOutOfRangeException(nameof(chainQuantumMs));
    }

    public int Throughput { get; }

    /// <summary>Whether a mailbox queued from a pool thread goes to that thread's local queue.</summary>
    public bool PreferLocal { get; }

    public bool NextRunSlot { get; }

    /// <summary>How long one pool thread may run a chain before it goes back to the pool's queue.</summary>
    public int ChainQuantumMs { get; }

    public void Schedule(MailboxBase mailbox)
    {
        var chain = t_chain;
        if (chain is not null && chain.Dispatcher == this)
        {
            var displaced = chain.Next;
            chain.Next = mailbox;
            if (displaced is null) return;
            mailbox = displaced;
        }
        ThreadPool.UnsafeQueueUserWorkItem(mailbox, PreferLocal);
    }

    /// <summary>Runs <paramref name="mailbox"/> on this pool thread, then the chain of mailboxes it scheduled.</summary>
    internal void Execute(MailboxBase mailbox)
    {
        var chain = t_chain ??= new Chain();
        if (!NextRunSlot || chain.Dispatcher is not null)
        {
            mailbox.Run();
            return;
        }
        chain.Dispatcher = this;
        var start = Environment.TickCount64;
        try
        {
            for (var runs = 1; ; runs++)
            {
                mailbox.Run();
                var next = chain.Next;
                if (next is null) return;
                chain.Next = null;
                if ((runs & 63) == 0 && Environment.TickCount64 - start >= ChainQuantumMs)
                {
                    ThreadPool.UnsafeQueueUserWorkItem(next, PreferLocal);
                    return;
                }
                mailbox = next;
            }
        }
        finally
        {
            chain.Dispatcher = null;
        }
    }

    private sealed class Chain
    {
        public ThreadPoolDispatcher? Dispatcher;
        public MailboxBase? Next;
    }
}
