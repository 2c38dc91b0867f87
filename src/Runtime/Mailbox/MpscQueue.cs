namespace ActorTrading.Runtime.Mailbox;

/// <summary>
/// Unbounded lock-free multi-producer single-consumer queue of rings (<see cref="MpscSegment{T}"/>).
/// Enqueue and dequeue allocate nothing while the queue stays within the capacity it has once
/// reached; a full ring is frozen and followed by one twice its size (rare; under a lock).
/// </summary>
internal sealed class MpscQueue<T> where T : class
{
    private const int MaxSegmentCapacity = 1 << 20;
    private readonly Lock _growLock = new();
    private MpscSegment<T> _head;
    private MpscSegment<T> _tail;

    public MpscQueue(int initialCapacity = 16)
    {
        if (initialCapacity < 2 || (initialCapacity & (initialCapacity - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(initialCapacity), "must be a power of two >= 2");
        _head = _tail = new MpscSegment<T>(initialCapacity);
    }

    public void Enqueue(T item)
    {
        if (!Volatile.Read(ref _tail).TryEnqueue(item)) EnqueueSlow(item);
    }

    private void EnqueueSlow(T item)
    {
        while (true)
        {
            var tail = Volatile.Read(ref _tail);
            if (tail.TryEnqueue(item)) return;
            lock (_growLock)
            {
                if (tail != _tail) continue;
                tail.Freeze();
                var next = new MpscSegment<T>(Math.Min(tail.Capacity * 2, MaxSegmentCapacity));
                tail.Next = next;
                Volatile.Write(ref _tail, next);
            }
        }
    }

    /// <summary>Single consumer only. False when empty or when the oldest item is still being written
    /// (its producer schedules the consumer again after publishing it).</summary>
    public bool TryDequeue(out T? item)
    {
        var head = _head;
        while (true)
        {
            if (head.TryDequeue(out item)) return true;
            var next = head.Next;
            if (next is null || head.Count != 0) return false;
            _head = head = next;
        }
    }

    /// <summary>True when an item is published or being written (claimed slots count).</summary>
    public bool HasItems
    {
        get
        {
            for (var s = Volatile.Read(ref _head); s is not null; s = s.Next)
                if (s.Count != 0) return true;
            return false;
        }
    }

    public int Count
    {
        get
        {
            var count = 0;
            for (var s = Volatile.Read(ref _head); s is not null; s = s.Next) count += s.Count;
            return count;
        }
    }
}
