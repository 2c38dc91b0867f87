namespace ActorTrading.Runtime.Mailbox;

/// <summary>
/// Unbounded lock-free multi-producer single-consumer queue of rings (<see cref="MpscSegment{T, TIndexes}"/>).
/// Enqueue and dequeue allocate nothing while the queue stays within the capacity it has once
/// reached; a full ring is frozen and followed by one twice its size (rare; under a lock). The
/// first ring is created on the first enqueue, so an actor that never receives a user message
/// costs no ring.
/// </summary>
internal class MpscQueue<T, TIndexes> where T : class where TIndexes : struct, IRingIndexes
{
    private const int MaxSegmentCapacity = 1 << 20;
    private readonly int _initialCapacity;
    private MpscSegment<T, TIndexes>? _head;
    private MpscSegment<T, TIndexes>? _tail;

    public MpscQueue(int initialCapacity)
    {
        if (initialCapacity < 2 || (initialCapacity & (initialCapacity - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(initialCapacity), "must be a power of two >= 2");
        _initialCapacity = initialCapacity;
    }

    public void Enqueue(T item)
    {
        var tail = Volatile.Read(ref _tail);
        if (tail is null || !tail.TryEnqueue(item)) EnqueueSlow(item);
    }

    private void EnqueueSlow(T item)
    {
        while (true)
        {
            var tail = Volatile.Read(ref _tail);
            if (tail is not null && tail.TryEnqueue(item)) return;
            lock (this)
            {
                if (tail != _tail) continue;
                if (tail is null)
                {
                    var first = new MpscSegment<T, TIndexes>(_initialCapacity);
                    Volatile.Write(ref _head, first);
                    Volatile.Write(ref _tail, first);
                    continue;
                }
                tail.Freeze();
                var next = new MpscSegment<T, TIndexes>(Math.Min(tail.Capacity * 2, MaxSegmentCapacity));
                tail.Next = next;
                Volatile.Write(ref _tail, next);
            }
        }
    }

    /// <summary>Single consumer only. False when empty or when the oldest item is still being written
    /// (its producer schedules the consumer again after publishing it).</summary>
    public bool TryDequeue(out T? item)
    {
        var head = Volatile.Read(ref _head);
        while (head is not null)
        {
            if (head.TryDequeue(out item)) return true;
            var next = head.Next;
            if (next is null || head.Count != 0) break;
            _head = head = next;
        }
        item = null;
        return false;
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
