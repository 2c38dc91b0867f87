namespace ActorTrading.Runtime.Mailbox;

/// <summary>
/// A mailbox holding at most <c>capacity</c> user messages; what happens on overflow is the
/// <see cref="OverflowPolicy"/>. A short lock guards a ring buffer: eviction of the oldest
/// message needs producers to dequeue, which a single-consumer queue cannot offer.
/// </summary>
public sealed class BoundedMailbox : MailboxBase
{
    private readonly Lock _lock = new();
    private readonly object?[] _ring;
    private readonly OverflowPolicy _policy;
    private int _head;
    private int _count;

    public BoundedMailbox(int capacity, OverflowPolicy policy)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new object?[capacity];
        _policy = policy;
    }

    public override int Count => Volatile.Read(ref _count);

    protected override OverflowPolicy Policy => _policy;

    protected override EnqueueResult EnqueueUser(object message, out object? evicted)
    {
        evicted = null;
        lock (_lock)
        {
            if (_count == _ring.Length)
            {
                if (_policy != OverflowPolicy.DropOldest) return EnqueueResult.Refused;
                evicted = _ring[_head];
                _ring[_head] = message;
                _head = (_head + 1) % _ring.Length;
                return EnqueueResult.AcceptedEvicting;
            }
            _ring[(_head + _count) % _ring.Length] = message;
            _count++;
            return EnqueueResult.Accepted;
        }
    }

    protected override bool TryDequeueUser(out object? message)
    {
        lock (_lock)
        {
            if (_count == 0)
            {
                message = null;
                return false;
            }
            message = _ring[_head];
            _ring[_head] = null;
            _head = (_head + 1) % _ring.Length;
            _count--;
            return true;
        }
    }

    protected override bool HasUserMessages => Volatile.Read(ref _count) != 0;
}
