using ActorTrading.Runtime.Mailbox;

namespace ActorTrading.Runtime.Dispatch;

/// <summary>
/// Runs mailboxes inline on the thread that schedules them. Nested schedules (an actor sending to
/// another) are queued and drained in FIFO order by the outermost call (a trampoline), so the
/// order of processing is a deterministic function of the order of sends.
/// </summary>
public sealed class SynchronousDispatcher(int throughput = 300) : IDispatcher
{
    [ThreadStatic] private static Queue<MailboxBase>? t_pending;
    [ThreadStatic] private static bool t_draining;

    public int Throughput { get; } = throughput > 0 ? throughput : throw new ArgumentOutOfRangeException(nameof(throughput));

    public void Schedule(MailboxBase mailbox)
    {
        var pending = t_pending ??= new Queue<MailboxBase>();
        pending.Enqueue(mailbox);
        if (t_draining) return;
        t_draining = true;
        try
        {
            while (pending.TryDequeue(out var next)) next.Run();
        }
        finally
        {
            t_draining = false;
        }
    }
}
