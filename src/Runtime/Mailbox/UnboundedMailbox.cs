namespace ActorTrading.Runtime.Mailbox;

/// <summary>The default mailbox: unbounded, lock-free, no allocation per message once its ring has grown to the
/// actor's peak backlog (the first ring holds two messages and doubles when full, so an idle actor stays small).</summary>
public sealed class UnboundedMailbox : MailboxBase
{
    private readonly MpscQueue<object> _queue;

    public UnboundedMailbox(int initialCapacity = 2) => _queue = new MpscQueue<object>(initialCapacity);

    public override int Count => _queue.Count;

    public override bool PostUserMessage(object message)
    {
        _queue.Enqueue(message); // the claiming compare-and-swap is the fence Schedule needs
        Schedule();
        return true;
    }

    protected override EnqueueResult EnqueueUser(object message, out object? evicted)
    {
        evicted = null;
        _queue.Enqueue(message);
        return EnqueueResult.Accepted;
    }

    protected override bool TryDequeueUser(out object? message) => _queue.TryDequeue(out message);

    protected override bool HasUserMessages => _queue.HasItems;
}
